import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step of the {@code edge} command (run by the JDK as a source file at {@code package}): rewrites the signed
 * jars of {@code target/lib} without their signature files. The JVM does not put classes of signed jars into
 * class-data archives, and checks every class it reads from one against the signature: unsigned copies start the
 * {@code edge} JVM, and the built-in modules that run on its class path, faster. Jars without signatures are left
 * as they are; the manifest (with its entry digests) is kept.
 */
public final class UnsignedLibraries {

    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)",
            Pattern.CASE_INSENSITIVE);

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        int rewritten = 0;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(directory, "*.jar")) {
            for (Path jar : jars) {
                if (unsign(jar)) {
                    rewritten++;
                }
            }
        }
        System.out.println("UnsignedLibraries: " + rewritten + " signed jars of " + directory + " rewritten unsigned");
    }

    private static boolean unsign(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.stream().noneMatch(e -> SIGNATURE.matcher(e.getName()).matches())) {
                return false;
            }
            Path partial = jar.resolveSibling(jar.getFileName() + ".partial");
            try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream out = new ZipOutputStream(file)) {
                for (ZipEntry entry : zip.stream().toList()) {
                    if (SIGNATURE.matcher(entry.getName()).matches()) {
                        continue;
                    }
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            Files.setLastModifiedTime(partial, Files.getLastModifiedTime(jar));
            Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING);
            return true;
        }
    }
}
