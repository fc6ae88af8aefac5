package org.jpyc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@code jpyc bench} turns runs into a row: medians, and each run's figure in the table. */
class BenchTableTest {

    @Test
    void oneRunFarOffMovesNeitherSide() {
        // CPython 3.10 marshal.dumps processes as measured in one row here: one at half speed
        assertEquals(675.0, BenchCommand.median(List.of(348.0, 682.0, 675.0)));
        assertEquals(1390.0, BenchCommand.median(List.of(1390.0, 1400.0, 1356.0)));
        assertEquals(15.0, BenchCommand.median(List.of(10.0, 20.0)));
        assertEquals(7.0, BenchCommand.median(List.of(7.0)));
    }

    @Test
    void tableGivesTheMediansRatioAndEveryRun() {
        BenchCommand.Row r = new BenchCommand.Row("marshal.dump", "3.10", 1390.0, 675.0,
                List.of(1390.3, 1400.2, 1355.8), List.of(348.1, 682.2, 674.7));
        String table = BenchCommand.table(List.of(r));
        assertTrue(table.contains("| marshal.dump | 3.10 | 1390.0 | 675.0 | 2.06x | 1390 / 1400 / 1356 | 348 / 682 / 675 |"), table);
    }
}
