package dev.gorunbench.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gorunbench.report.ReliabilitySection;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every test named in the reliability table of results/README.md exists. */
class ReliabilitySectionTest {
    @Test
    void namedTestsExist() throws Exception {
        for (String test : ReliabilitySection.testNames()) {
            String[] parts = test.split("#");
            Class<?> type = Class.forName(ReliabilitySectionTest.class.getPackageName() + "." + parts[0]);
            boolean found = Arrays.stream(type.getDeclaredMethods()).map(Method::getName).anyMatch(parts[1]::equals);
            assertTrue(found, test + " is named in the reliability table but does not exist");
        }
    }
}
