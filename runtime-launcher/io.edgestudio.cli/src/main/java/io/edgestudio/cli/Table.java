package io.edgestudio.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.BiFunction;
import picocli.CommandLine.Help.Ansi;

/** A plain text table: columns padded to their widest cell, the header in bold. */
final class Table {

    private Table() {
    }

    /**
     * @param out where to print
     * @param ansi whether to colour
     * @param rows the header row first, then the data rows
     * @param style picocli markup for a data cell, given its column and text (the text itself for none)
     */
    static void print(PrintWriter out, Ansi ansi, List<List<String>> rows, BiFunction<Integer, String, String> style) {
        int columns = rows.getFirst().size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String text = rows.get(r).get(c);
                String padding = c == columns - 1 ? "" : " ".repeat(widths[c] - text.length() + 2);
                String escaped = text.replace("@|", "@ |");
                line.append(r == 0 ? "@|bold " + escaped + "|@" : style.apply(c, escaped)).append(padding);
            }
            out.println(ansi.string(line.toString().stripTrailing()));
        }
        if (rows.size() == 1) {
            out.println("(none)");
        }
    }
}
