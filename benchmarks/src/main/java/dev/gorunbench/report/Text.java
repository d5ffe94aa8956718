package dev.gorunbench.report;

import java.util.Locale;

/** One sentence in English and Chinese, kept side by side so that both versions change together. */
public record Text(String en, String zh) {

    public static Text of(String en, String zh) {
        return new Text(en, zh);
    }

    /** Fills the same {@link String#format} arguments into both versions. */
    public Text format(Object... args) {
        return new Text(String.format(Locale.ROOT, en, args), String.format(Locale.ROOT, zh, args));
    }

    /** Appends {@code suffix} to both versions. */
    public Text withSuffix(Text suffix) {
        return new Text(en + suffix.en, zh + suffix.zh);
    }

    public String in(Lang lang) {
        return lang == Lang.ZH_CN ? zh : en;
    }
}
