package org.jpyc.ast;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

class AstSchemaTest {
    @Test
    void everyVersionsNodesAndFieldsExistInTheJavaClasses() {
        for (PyVersion v : PyVersion.TARGETS) {
            AstSchema schema = AstSchema.of(v);
            int count = 0;
            for (AstSchema.Shape shape : schema.shapes()) {
                count++;
                boolean simple = shape.fields().isEmpty() && shape.attributes().isEmpty() && isSimpleSum(schema, shape);
                if (simple) {
                    assertEquals(shape.name(), AstFactory.simple(shape.name()).nodeName());
                    continue;
                }
                Node n = AstFactory.node(shape.name(), new HashMap<>());
                assertEquals(shape.name(), n.nodeName());
                for (AstSchema.Field f : shape.fields()) {
                    assertDoesNotThrow(() -> n.field(f.name()), v + " " + shape.name() + "." + f.name());
                }
                assertEquals(!shape.attributes().isEmpty(), n instanceof Located, v + " " + shape.name());
            }
            assertTrue(count > 100, v + " has " + count + " nodes");
        }
    }

    private static boolean isSimpleSum(AstSchema schema, AstSchema.Shape shape) {
        for (AstSchema.Shape s : schema.shapes()) {
            if (s.asdlType().equals(shape.asdlType()) && !s.fields().isEmpty()) return false;
        }
        return !shape.asdlType().equals(shape.name()) && !shape.asdlType().equals("mod");
    }

    @Test
    void versionDeltasAreVisible() {
        assertNull(AstSchema.of(PyVersion.V3_10).shape("TryStar"));
        assertNotNull(AstSchema.of(PyVersion.V3_11).shape("TryStar"));
        assertNull(AstSchema.of(PyVersion.V3_11).shape("TypeAlias"));
        assertNotNull(AstSchema.of(PyVersion.V3_12).shape("TypeAlias"));
        assertEquals(1, AstSchema.of(PyVersion.V3_12).shape("ParamSpec").fields().size());
        assertEquals(2, AstSchema.of(PyVersion.V3_13).shape("ParamSpec").fields().size());
        assertNull(AstSchema.of(PyVersion.V3_13).shape("TemplateStr"));
        assertNotNull(AstSchema.of(PyVersion.V3_14).shape("TemplateStr"));
        AstSchema.Field keys = AstSchema.of(PyVersion.V3_14).shape("Dict").fields().get(0);
        assertTrue(keys.optional() && keys.sequence());
    }

    @Test
    void newerVersionsUseTheNewestSchemaOlderOnesHaveNone() {
        assertEquals(AstSchema.of(PyVersion.V3_15).asdlMinor(), AstSchema.of(PyVersion.of(3, 20)).asdlMinor());
        assertThrows(IllegalArgumentException.class, () -> AstSchema.of(PyVersion.V3_9));
        assertFalse(AstSchema.of(PyVersion.V3_10).shape("Module").fields().isEmpty());
    }

    @Test
    void unknownNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> AstFactory.node("Nope", new HashMap<>()));
        assertThrows(IllegalArgumentException.class, () -> AstFactory.simple("Nope"));
        Node n = AstFactory.node("Pass", new HashMap<>());
        assertThrows(IllegalArgumentException.class, () -> n.field("body"));
    }
}
