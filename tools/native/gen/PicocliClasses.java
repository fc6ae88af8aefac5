import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.Utf8Entry;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Prints the jpyc classes in a jar that carry picocli's annotations (on the class, a field or a method): the
 * classes picocli reads by reflection, which a native image must be told about (picocli-codegen's
 * ReflectionConfigGenerator takes this list). Found through the constant pool, without loading the classes.
 * Usage: java PicocliClasses.java JAR
 */
public class PicocliClasses {
    private static final List<String> ANNOTATIONS = List.of("Command", "Option", "Parameters", "Mixin", "ArgGroup", "Spec", "ParentCommand");

    public static void main(String[] args) throws Exception {
        try (ZipFile jar = new ZipFile(args[0])) {
            for (ZipEntry e : Collections.list(jar.entries())) {
                String name = e.getName();
                if (!name.startsWith("org/jpyc/") || !name.endsWith(".class")) continue;
                ClassModel cm = ClassFile.of().parse(jar.getInputStream(e).readAllBytes());
                boolean annotated = false;
                for (var entry : cm.constantPool()) {
                    if (entry instanceof Utf8Entry u) {
                        String s = u.stringValue();
                        for (String a : ANNOTATIONS) annotated |= s.equals("Lpicocli/CommandLine$" + a + ";");
                    }
                }
                if (annotated) System.out.println(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
            }
        }
    }
}
