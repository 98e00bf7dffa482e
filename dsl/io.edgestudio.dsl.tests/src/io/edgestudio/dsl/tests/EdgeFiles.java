package io.edgestudio.dsl.tests;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.edgestudio.dsl.edge.Model;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;

/**
 * Parses several .edge texts into one resource set, as the files of one solution.
 */
public class EdgeFiles {

	@Inject
	private ParseHelper<Model> parser;

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private ValidationTestHelper validation;

	/** Parses the texts as files {@code file0.edge}, {@code file1.edge}, ... of one solution. */
	public List<Model> parse(String... texts) throws Exception {
		XtextResourceSet resourceSet = resourceSets.get();
		List<Model> models = new ArrayList<>();
		for (int i = 0; i < texts.length; i++) {
			models.add(parser.parse(texts[i], URI.createURI("file" + i + ".edge"), resourceSet));
		}
		return models;
	}

	/** The messages of the issues with this code that validating the file reports. */
	public List<String> messages(Model model, String code) {
		return validation.validate(model).stream().filter(i -> code.equals(i.getCode())).map(Issue::getMessage).toList();
	}

	/** Parses one file. */
	public Model parseOne(String text) throws Exception {
		return parse(text).get(0);
	}
}
