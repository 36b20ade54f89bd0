package org.libssl4j.cli.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A table of text, written as a padded Markdown table (which reads well on a terminal too) or as HTML. */
final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... header) {
        this.header = List.of(header);
    }

    Table(List<String> header) {
        this.header = List.copyOf(header);
    }

    Table row(String... cells) {
        return row(Arrays.asList(cells));
    }

    Table row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + header.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String markdown() {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = Math.max(3, header.get(i).length());
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], escape(r.get(i)).length());
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, header, width);
        b.append('|');
        for (int w : width) {
            b.append(' ').append("-".repeat(w)).append(" |");
        }
        b.append('\n');
        rows.forEach(r -> line(b, r, width));
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells, int[] width) {
        b.append('|');
        for (int i = 0; i < width.length; i++) {
            String c = escape(cells.get(i));
            b.append(' ').append(c).append(" ".repeat(width[i] - c.length())).append(" |");
        }
        b.append('\n');
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|").replace('\n', ' ');
    }

    String html() {
        StringBuilder b = new StringBuilder("<table>\n<thead><tr>");
        header.forEach(h -> b.append("<th>").append(Html.escape(h)).append("</th>"));
        b.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : rows) {
            b.append("<tr>");
            for (String c : r) {
                String cls = c.contains("FAIL") ? " class=\"fail\"" : c.equals("yes") || c.equals("PASS") ? " class=\"yes\"" : "";
                b.append("<td").append(cls).append('>').append(Html.escape(c)).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }

    /** HTML escaping. */
    static final class Html {
        private Html() {
        }

        static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
