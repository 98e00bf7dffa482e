package io.edgestudio.installtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Installs Edge Studio from the freshly built update site into a clean Eclipse IDE, with the p2 director
 * running inside that IDE against its own profile (the operation behind Help › Install New Software), then
 * restarts the IDE and checks that every bundle of the feature resolves and ours activate.
 */
class UpdateSiteInstallTest {

    private static final String FEATURE_IU = "io.edgestudio.feature.feature.group";
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private static Path updateSite;
    private static EclipseInstallation ide;
    private static EclipseInstallation.Run install;

    @BeforeAll
    static void installFeatureIntoCleanIde() throws Exception {
        Path cleanIde = Path.of(System.getProperty("installtest.cleanIde"));
        updateSite = Path.of(System.getProperty("installtest.updateSite"));
        assertThat(cleanIde).as("clean IDE product archive").isRegularFile();
        assertThat(updateSite).as("update site zip").isRegularFile();

        Path home = Path.of(System.getProperty("installtest.workDir"), "eclipse");
        ide = EclipseInstallation.unpack(cleanIde, home, System.getProperty("installtest.java"));
        assertThat(ide.bundlesInfo()).noneMatch(line -> line.startsWith("io.edgestudio."));

        install = director("-installIU", FEATURE_IU);
    }

    @Test
    void directorInstallsTheFeatureIntoTheRunningProfile() throws Exception {
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(install.output())
                .doesNotContain("Could not acquire the framework manipulator service")
                .doesNotContainPattern("(?m)^!ENTRY \\S+ 4 ");

        EclipseInstallation.Run roots = director("-listInstalledRoots");
        assertThat(roots.exitCode()).as(roots.output()).isZero();
        assertThat(roots.output()).containsPattern("(?m)^" + Pattern.quote(FEATURE_IU) + "/0\\.1\\.0\\.");
    }

    @Test
    void everyBundleOfTheFeatureIsConfiguredToStart() throws Exception {
        List<String> bundlesInfo = ide.bundlesInfo();
        for (String plugin : featurePlugins()) {
            assertThat(bundlesInfo).as("bundles.info entry for " + plugin)
                    .anyMatch(line -> line.startsWith(plugin + ","));
        }
    }

    @Test
    void afterRestartEveryBundleResolvesAndOursActivate() throws Exception {
        EclipseInstallation.Run console = ide.console(TIMEOUT,
                "lb -s",
                "equinox:start io.edgestudio.ui",
                "lb -s io.edgestudio",
                "ns -v io.edgestudio.ui");
        Map<String, String> states = BundleStates.parse(console.output());

        for (String plugin : featurePlugins()) {
            assertThat(states).as("state of " + plugin + " in\n" + console.output()).containsKey(plugin);
            assertThat(states.get(plugin)).as("state of " + plugin).isIn("Resolved", "Starting", "Active");
        }
        assertThat(states.get("io.edgestudio.ui")).isEqualTo("Active");
        assertThat(console.output())
                .contains("PointId: org.eclipse.core.contenttype.contentTypes [from io.edgestudio.ui]")
                .contains("PointId: org.eclipse.ui.editors [from io.edgestudio.ui]");
    }

    @Test
    void installingAFeatureTheSiteDoesNotHaveFails() throws Exception {
        EclipseInstallation.Run missing = director("-installIU", "io.edgestudio.absent.feature.group");

        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.output()).contains("io.edgestudio.absent.feature.group");
    }

    private static EclipseInstallation.Run director(String... args) throws Exception {
        String repository = "jar:" + updateSite.toUri() + "!/";
        String[] all = new String[args.length + 4];
        all[0] = "-repository";
        all[1] = repository;
        all[2] = "-profile";
        all[3] = "DefaultProfile";
        System.arraycopy(args, 0, all, 4, args.length);
        return ide.application("org.eclipse.equinox.p2.director", TIMEOUT, all);
    }

    /** The plug-ins our feature.xml includes: each must be installed, configured and resolvable. */
    private static List<String> featurePlugins() throws Exception {
        String featureXml = Files.readString(Path.of(System.getProperty("installtest.feature")));
        Matcher m = Pattern.compile("<plugin\\s+id=\"([^\"]+)\"").matcher(featureXml);
        List<String> ids = m.results().map(r -> r.group(1)).toList();
        assertThat(ids).as("plug-ins in feature.xml").contains("io.edgestudio.ui");
        return ids;
    }
}
