package io.edgestudio.dsl.validation;

import io.edgestudio.dsl.edge.EdgePackage;
import java.util.List;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;

/**
 * Base of the validators {@link EdgeValidator} composes: they run as part of it, so they do not
 * register themselves.
 */
public abstract class EdgeCheckBase extends AbstractDeclarativeValidator {

	@Override
	protected List<EPackage> getEPackages() {
		return List.of(EdgePackage.eINSTANCE);
	}

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into EdgeValidator
	}
}
