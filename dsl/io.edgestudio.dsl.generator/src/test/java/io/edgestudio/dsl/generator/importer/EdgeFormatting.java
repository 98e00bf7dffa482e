package io.edgestudio.dsl.generator.importer;

import com.google.inject.Injector;
import io.edgestudio.dsl.generator.TestSolutions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

/** .edge text as the .edge formatter writes it. */
final class EdgeFormatting {

	private EdgeFormatting() {
	}

	static String format(String text) throws IOException {
		Injector injector = TestSolutions.LOADER.injector();
		XtextResource resource = (XtextResource) injector.getInstance(XtextResourceSet.class).createResource(URI.createURI("format.edge"));
		resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
		ITextRegionAccess regions = injector.getInstance(TextRegionAccessBuilder.class).forNodeModel(resource).create();
		FormatterRequest request = injector.getInstance(FormatterRequest.class);
		request.setTextRegionAccess(regions);
		return regions.getRewriter().renderToString(injector.getInstance(IFormatter2.class).format(request));
	}
}
