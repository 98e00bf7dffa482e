package io.edgestudio.dsl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Inject;
import io.edgestudio.dsl.edge.EdgeFactory;
import io.edgestudio.dsl.edge.Model;
import io.edgestudio.dsl.edge.Route;
import io.edgestudio.dsl.edge.UpstreamSink;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.serializer.ISerializer;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(InjectionExtension.class)
@InjectWith(EdgeInjectorProvider.class)
class SerializerTest {

	@Inject
	private EdgeFiles files;

	@Inject
	private ISerializer serializer;

	static Stream<Path> solutions() throws Exception {
		return ExamplesTest.solutions();
	}

	/** Every example survives parse, serialize (plain and formatted), parse with equal models. */
	@ParameterizedTest
	@MethodSource("solutions")
	void examplesRoundTrip(Path solution) throws Exception {
		List<Model> originals = files.parse(ExamplesTest.texts(solution));
		for (SaveOptions options : new SaveOptions[] { SaveOptions.defaultOptions(), SaveOptions.newBuilder().format().getOptions() }) {
			String[] serialized = originals.stream().map(m -> serializer.serialize(m, options)).toArray(String[]::new);
			List<Model> reparsed = files.parse(serialized);
			for (int i = 0; i < originals.size(); i++) {
				assertThat(reparsed.get(i).eResource().getErrors()).as(serialized[i]).isEmpty();
				assertThat(EcoreUtil.equals(originals.get(i), reparsed.get(i))).as(serialized[i]).isTrue();
			}
		}
	}

	@Test
	void modelBuiltInCodeSerializes() throws Exception {
		Model model = files.parseOne("module A python { output out }");
		Route route = EdgeFactory.eINSTANCE.createRoute();
		route.setName("ToCloud");
		route.setSource(EdgeFactory.eINSTANCE.createAllModulesSource());
		UpstreamSink sink = EdgeFactory.eINSTANCE.createUpstreamSink();
		route.setSink(sink);
		route.setPriority(0);
		route.setTtl(3600L);
		model.getElements().add(route);
		String text = serializer.serialize(model, SaveOptions.newBuilder().format().getOptions());
		assertThat(text).isEqualTo("""
				module A python {
				    output out
				}

				route ToCloud: * -> $upstream priority 0 ttl 3600
				""");
	}

}
