package se.kvalitetsarbete.indicators;

import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo indicator values, imported once (when no values exist) with the "demo" profile.
 *
 * <p>{@code demo/indicators-demo.csv} is SYNTHETIC: made up for the demo, not taken from Kolada or
 * Skolverket, and not the real results of any school or municipality (1231 is used only as the
 * demo's kommunkod). The numbers are plausible in size but visibly constructed: each series rises
 * by a fixed step a year, and girls (K) lie a fixed gap above and boys (M) the same gap below the
 * total (T). It covers the demo units with indicators for their school form: 12345602 (åk 3),
 * 12345603 (åk 6), 12345604 (åk 9) and 12345606 (gymnasiet), and the municipality for all 13, for
 * 2022–2025. The förskola (12345601) and the fritidshem (12345605) have none of the shared
 * indicators. A few rows show what published figures look like when values are missing (2025
 * diplomas not yet published, one merit value not reported) or suppressed (small groups).
 */
@Component
@Profile("demo")
public class DemoIndicators {

  static final String FILE = "demo/indicators-demo.csv";

  private static final Logger LOG = LoggerFactory.getLogger(DemoIndicators.class);

  private final IndicatorImport importer;
  private final IndicatorValueRepository values;

  public DemoIndicators(IndicatorImport importer, IndicatorValueRepository values) {
    this.importer = importer;
    this.values = values;
  }

  /** After the demo users and units (DemoDataGenerator, order 1). */
  @EventListener
  @Order(2)
  public void onPostDeploy(PostDeployEvent event) {
    if (values.count() > 0) {
      return;
    }
    try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
      IndicatorImport.Summary summary = importer.importCsv(in.readAllBytes());
      LOG.info("Demodata: nyckeltal från {} (påhittade värden). {}", FILE, summary.message());
    } catch (IOException | RuntimeException e) {
      LOG.warn("Demodata: kunde inte läsa in nyckeltalen från {}: {}", FILE, e.getMessage(), e);
    }
  }
}
