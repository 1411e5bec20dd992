package io.fleetguard.schema;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every contract stays BACKWARD compatible (a consumer on the new schema reads data written with
 * any earlier one) with all of its committed versions under src/test/resources/schema-history,
 * and the newest committed version is the current schema: changing an .avsc without recording
 * the new version fails here, so the history cannot silently fall behind.
 */
class SchemaHistoryTest {

    private static final Path SCHEMAS = Path.of(System.getProperty("schemas.dir", "src/main/avro"));
    private static final Path HISTORY = Path.of(System.getProperty("history.dir", "src/test/resources/schema-history"));

    @TestFactory
    Stream<DynamicTest> shouldBeBackwardCompatibleWithEveryCommittedVersion() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path current : currentSchemas()) {
            String name = current.getFileName().toString().replace(".avsc", "");
            Schema reader = parse(current);
            for (Path old : history(name)) {
                tests.add(DynamicTest.dynamicTest(name + " reads " + old.getFileName(), () -> {
                    SchemaCompatibility.SchemaPairCompatibility result =
                            SchemaCompatibility.checkReaderWriterCompatibility(reader, parse(old));
                    assertThat(result.getType())
                            .as("%s must read data written with %s: %s", name, old, result.getDescription())
                            .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> shouldRecordTheCurrentSchemaAsTheNewestVersion() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path current : currentSchemas()) {
            String name = current.getFileName().toString().replace(".avsc", "");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                List<Path> versions = history(name);
                assertThat(versions).as("history of %s (add %s/v1.avsc)", name, HISTORY.resolve(name)).isNotEmpty();
                Path newest = versions.get(versions.size() - 1);
                assertThat(parse(newest))
                        .as("%s changed: copy it to %s/v%d.avsc", current, HISTORY.resolve(name), versions.size() + 1)
                        .isEqualTo(parse(current));
            }));
        }
        return tests.stream();
    }

    private static List<Path> currentSchemas() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            return files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        }
    }

    private static List<Path> history(String name) throws IOException {
        Path dir = HISTORY.resolve(name);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("v\\d+\\.avsc"))
                    .sorted(Comparator.comparingInt(SchemaHistoryTest::version)).toList();
        }
    }

    private static int version(Path p) {
        String f = p.getFileName().toString();
        return Integer.parseInt(f.substring(1, f.length() - ".avsc".length()));
    }

    private static Schema parse(Path p) throws IOException {
        return new Schema.Parser().parse(p.toFile());
    }
}
