package se.kvalitetsarbete.demo;

import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.allocation.CoWriting;
import se.kvalitetsarbete.allocation.NeedsDescription;
import se.kvalitetsarbete.allocation.NeedsDescriptionRepository;

/**
 * A teacher's view in the demo: rektor1 has shared the draft of Tornets needs description with
 * larare1a, who has commented on it. larare1a sees it under "Utkast att kommentera", rektor1 sees
 * the comment in the form. Done once, when the open round has invited the unit.
 */
@Component
@Profile("demo")
public class DemoCoWriting {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCoWriting.class);
  static final String REKTOR = "rektor1";
  static final String TEACHER = "larare1a";

  private final TaskService tasks;
  private final ManagementService management;
  private final NeedsDescriptionRepository descriptions;
  private final CoWriting coWriting;

  public DemoCoWriting(TaskService tasks, ManagementService management, NeedsDescriptionRepository descriptions, CoWriting coWriting) {
    this.tasks = tasks;
    this.management = management;
    this.descriptions = descriptions;
    this.coWriting = coWriting;
  }

  /** After the demo data (order 1) and the staff groups (order 5). */
  @EventListener
  @Order(6)
  public void onPostDeploy(PostDeployEvent event) {
    try {
      // The invitations are asynchronous: the demo runs them now so that the draft exists at once.
      management.createJobQuery().executable().messages().list().forEach(job -> management.executeJob(job.getId()));
      Task write = tasks.createTaskQuery().taskAssignee(REKTOR).taskDefinitionKey("Task_WriteNeedsDescription").list().stream()
          .findFirst().orElse(null);
      if (write == null) {
        return;
      }
      Long id = (Long) tasks.getVariable(write.getId(), "needsDescriptionId");
      NeedsDescription draft = descriptions.findById(id).orElseThrow();
      if (!draft.coWriterIds().isEmpty()) {
        return;
      }
      tasks.complete(write.getId(), Map.of("application", "SHARE_DRAFT",
          "needs", "Läsförståelsen i åk 2 behöver stärkas: många elever läser långsamt och förstår lite av det de läser.",
          "basis", "De nationella delproven i åk 3 visar sjunkande resultat i läsförståelse två år i rad.",
          "coWriters", SpinValues.jsonValue("[\"" + TEACHER + "\"]").create()));
      coWriting.comment(id, TEACHER, "Vi i arbetslag Lila ser samma sak i åk 1; kan vi skriva in att arbetet börjar redan där?");
      LOG.info("Demodata: {} har delat utkastet med {}, som har kommenterat det", REKTOR, TEACHER);
    } catch (RuntimeException e) {
      LOG.warn("Demodata: utkastet för medskribenter kunde inte förberedas: {}", e.getMessage());
    }
  }
}
