package dev.gorunbench.report;

/** The verdict on one folk-advice claim, as shown in the verdict table. */
public enum Verdict {
    HOLDS(Text.of("holds", "成立")),
    DOES_NOT_HOLD(Text.of("does not hold", "不成立")),
    HOLDS_ONLY_ON_ANOTHER_OS(Text.of("holds only on another OS", "仅在其他操作系统上成立")),
    NOT_MEASURABLE_HERE(Text.of("not measurable here", "此处无法测量")),
    NOT_MEASURED_YET(Text.of("not measured yet", "尚未测量"));

    private final Text label;

    Verdict(Text label) {
        this.label = label;
    }

    public Text label() {
        return label;
    }
}
