package io.edgestudio.dsl.validation;

import com.google.inject.Inject;
import io.edgestudio.dsl.edge.EdgePackage;
import io.edgestudio.dsl.model.SolutionIndex;
import io.edgestudio.dsl.model.SolutionView;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;

/**
 * Base of the validators {@link EdgeValidator} composes: they run as part of it, so they do not
 * register themselves.
 */
public abstract class EdgeCheckBase extends AbstractDeclarativeValidator {

	@Inject
	private SolutionIndex solutionIndex;

	@Override
	protected List<EPackage> getEPackages() {
		return List.of(EdgePackage.eINSTANCE);
	}

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into EdgeValidator
	}

	/**
	 * The whole solution the element belongs to. It depends on every file of the solution, so it is
	 * not cached with this file; it is computed once per validation run, whose context map all
	 * checks of all composed validators share.
	 */
	protected SolutionView solution(EObject context) {
		Map<Object, Object> run = getContext();
		if (run == null) {
			return solutionIndex.view(context);
		}
		return (SolutionView) run.computeIfAbsent(Arrays.asList(SolutionView.class, context.eResource()), key -> solutionIndex.view(context));
	}
}
