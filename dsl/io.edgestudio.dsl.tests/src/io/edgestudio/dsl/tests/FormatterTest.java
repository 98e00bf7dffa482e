package io.edgestudio.dsl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Inject;
import com.google.inject.Provider;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(InjectionExtension.class)
@InjectWith(EdgeInjectorProvider.class)
class FormatterTest {

	@Inject
	private EdgeFiles files;

	@Inject
	private IFormatter2 formatter;

	@Inject
	private Provider<FormatterRequest> requests;

	@Inject
	private Provider<TextRegionAccessBuilder> regionAccessBuilder;

	@Test
	void blocksAreIndentedOneSettingPerLine() throws Exception {
		assertFormatted("""
				solution   S {device "d"   platform amd64 storeAndForward ttl 2h
				edgeHub { schema "1.2" env A=1 } }
				module   Filter java { version "1" input input1 : Telemetry output   output1: Telemetry twin Settings
				createOptions {"HostConfig":{"Privileged":true,"Binds":[ "/a:/b" ]}} port 8080 : 80 / tcp privileged }""", """
				solution S {
				    device "d"
				    platform amd64
				    storeAndForward ttl 2h
				    edgeHub {
				        schema "1.2"
				        env A = 1
				    }
				}

				module Filter java {
				    version "1"
				    input input1: Telemetry
				    output output1: Telemetry
				    twin Settings
				    createOptions {
				        "HostConfig": {
				            "Privileged": true,
				            "Binds": ["/a:/b"]
				        }
				    }
				    port 8080:80/tcp
				    privileged
				}
				""");
	}

	@Test
	void messagesTwinsAndRoutes() throws Exception {
		assertFormatted("""
				package   a.b
				import c.*  import d.E
				message M "doc" { a : int [] ? unit "u" b: E }
				twin T { desired x : double = 25 range 0 .. 150 "t" desired o { y: string values ( "a" , "b" ) } }
				route R : A . out -> B . in where "x > 1" priority 0 ttl 1h""", """
				package a.b

				import c.*
				import d.E

				message M "doc" {
				    a: int[]? unit "u"
				    b: E
				}

				twin T {
				    desired x: double = 25 range 0..150 "t"
				    desired o {
				        y: string values ("a", "b")
				    }
				}

				route R: A.out -> B.in where "x > 1" priority 0 ttl 1h
				""");
	}

	@Test
	void formattedTextIsStable() throws Exception {
		String formatted = """
				enum Level {
				    low,
				    high
				}

				// comment stays
				module A python {
				    output out: M
				}
				""";
		assertFormatted(formatted, formatted);
	}

	private void assertFormatted(String input, String expected) throws Exception {
		String once = format(input);
		assertThat(once).isEqualTo(expected);
		assertThat(format(once)).as("formatting is idempotent").isEqualTo(expected);
	}

	private String format(String text) throws Exception {
		XtextResource resource = (XtextResource) files.parseOne(text).eResource();
		assertThat(resource.getErrors()).isEmpty();
		ITextRegionAccess regions = regionAccessBuilder.get().forNodeModel(resource).create();
		FormatterRequest request = requests.get();
		request.setTextRegionAccess(regions);
		return regions.getRewriter().renderToString(formatter.format(request));
	}
}
