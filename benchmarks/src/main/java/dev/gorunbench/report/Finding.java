package dev.gorunbench.report;

/**
 * The judgement of one claim from one results file: the verdict, the measured figure (numbers and benchmark
 * names only, so it reads the same in every language) and one line of why.
 */
public record Finding(Verdict verdict, String figure, Text why) {

    /** A claim whose benchmarks are not in the results file; {@code benchmarks} names the ones that will measure it. */
    static Finding notMeasuredYet(String benchmarks) {
        return new Finding(Verdict.NOT_MEASURED_YET, "-",
                Text.of("no records of %s in this results file", "此结果文件中没有 %s 的记录").format(benchmarks));
    }
}
