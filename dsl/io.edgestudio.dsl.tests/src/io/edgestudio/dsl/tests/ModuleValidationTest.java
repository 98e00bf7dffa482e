package io.edgestudio.dsl.tests;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.EDGE_HUB;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.JSON_MEMBER;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.MODULE;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.PORT_BINDING;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Inject;
import io.edgestudio.dsl.edge.Model;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.model.CreateOptions;
import io.edgestudio.dsl.validation.IssueCodes;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(InjectionExtension.class)
@InjectWith(EdgeInjectorProvider.class)
class ModuleValidationTest {

	@Inject
	private EdgeFiles files;

	@Inject
	private ValidationTestHelper validation;

	@Test
	void moduleNeedsImageOrLanguage() throws Exception {
		validation.assertError(files.parseOne("module M { }"), MODULE, IssueCodes.MISSING_IMAGE, "add 'image");
		validation.assertNoIssue(files.parseOne("module M python { }"), MODULE, IssueCodes.MISSING_IMAGE);
		validation.assertNoIssue(files.parseOne("module M { image \"m:1\" }"), MODULE, IssueCodes.MISSING_IMAGE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "mcr.microsoft.com/azureiotedge-simulated-temperature-sensor:1.5", "localhost:5000/filter:0.0.1-amd64",
			"influxdb", "grafana/grafana:11.2.0", "r.io/a/b@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
			"${MODULES.Filter}", "${MODULES.Filter.debug}", "$ACR_ADDRESS/filter:${TAG}",
			"$upstream:443/microsoft/azureiotedge-agent:<Build.BuildNumber>-linux-<Architecture>" })
	void validImageReferences(String image) throws Exception {
		validation.assertNoIssue(files.parseOne("module M { image \"" + image + "\" }"), MODULE, IssueCodes.INVALID_IMAGE_REFERENCE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Upper/Case:1", "name:", "a b:1", "registry.io/name:tag with space", "-leading:1", "${MODULES.A} b", "<a b>:1" })
	void invalidImageReferences(String image) throws Exception {
		validation.assertError(files.parseOne("module M { image \"" + image + "\" }"), MODULE, IssueCodes.INVALID_IMAGE_REFERENCE);
	}

	@Test
	void systemModuleImagesAreChecked() throws Exception {
		validation.assertError(files.parseOne("solution S { edgeHub { image \"Bad Image\" } }"), EDGE_HUB, IssueCodes.INVALID_IMAGE_REFERENCE);
		validation.assertNoIssue(files.parseOne("solution S { edgeHub { image \"mcr.microsoft.com/azureiotedge-hub:1.5\" } }"),
				EDGE_HUB, IssueCodes.INVALID_IMAGE_REFERENCE);
	}

	@Test
	void startupOrderFitsUint32() throws Exception {
		validation.assertError(files.parseOne("module M { image \"m:1\" startupOrder 4294967296 }"), MODULE, IssueCodes.INVALID_STARTUP_ORDER);
		validation.assertNoIssue(files.parseOne("module M { image \"m:1\" startupOrder 0 }"), MODULE, IssueCodes.INVALID_STARTUP_ORDER);
	}

	@Test
	void portNumbersAreValid() throws Exception {
		validation.assertError(files.parseOne("module M { image \"m:1\" port 70000:80 }"), PORT_BINDING, IssueCodes.INVALID_PORT_NUMBER);
		validation.assertNoIssue(files.parseOne("module M { image \"m:1\" port 8080:80/udp }"), PORT_BINDING, IssueCodes.INVALID_PORT_NUMBER);
	}

	@Test
	void jsonKeysAreUnique() throws Exception {
		validation.assertError(files.parseOne("module M { image \"m:1\" createOptions { \"a\": 1, \"a\": 2 } }"), JSON_MEMBER,
				IssueCodes.DUPLICATE_JSON_KEY);
		validation.assertNoIssue(files.parseOne("module M { image \"m:1\" createOptions { \"a\": 1, \"b\": { \"a\": 2 } } }"), JSON_MEMBER,
				IssueCodes.DUPLICATE_JSON_KEY);
	}

	@Test
	void createOptionsFitEightChunks() throws Exception {
		String big = "x".repeat(4100);
		validation.assertError(files.parseOne("module M { image \"m:1\" createOptions { \"Labels\": { \"a\": \"" + big + "\" } } }"),
				MODULE, IssueCodes.CREATE_OPTIONS_TOO_LONG, "at most 4096");
		validation.assertNoIssue(files.parseOne("module M { image \"m:1\" createOptions { \"Labels\": { \"a\": \"" + "x".repeat(3000) + "\" } } }"),
				MODULE, IssueCodes.CREATE_OPTIONS_TOO_LONG);
	}

	@Test
	void structuredCreateOptionsMergeIntoJson() throws Exception {
		Model model = files.parseOne("""
				module M {
				    image "m:1"
				    createOptions { "HostConfig": { "ShmSize": 1024 } }
				    port 8080:80
				    bind "/data" to "/app/data" readonly
				    device "/dev/ttyUSB0"
				    privileged
				}""");
		assertThat(CreateOptions.serialize((Module) model.getElements().get(0))).isEqualTo(
				"{\"HostConfig\":{\"ShmSize\":1024,\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"8080\"}]},"
						+ "\"Binds\":[\"/data:/app/data:ro\"],\"Devices\":[{\"PathOnHost\":\"/dev/ttyUSB0\","
						+ "\"PathInContainer\":\"/dev/ttyUSB0\",\"CgroupPermissions\":\"rwm\"}],\"Privileged\":true},"
						+ "\"ExposedPorts\":{\"80/tcp\":{}}}");
	}
}
