package dev.gorunbench.report;

/** The languages of the report's explanatory text. Numbers, benchmark names and units are the same in each. */
public enum Lang {
    EN("en"),
    ZH_CN("zh-CN");

    private final String tag;

    Lang(String tag) {
        this.tag = tag;
    }

    /** Returns the BCP 47 language tag, as used in file names such as {@code README.zh-CN.md}. */
    public String tag() {
        return tag;
    }
}
