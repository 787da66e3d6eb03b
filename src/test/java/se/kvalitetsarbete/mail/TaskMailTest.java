package se.kvalitetsarbete.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.TestClock;
import se.kvalitetsarbete.allocation.AllocationDecision;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.security.Roles;

/**
 * Mails about tasks, against a real SMTP server (GreenMail) on a free port: whoever is given a task
 * or may take it is told, with a link straight to it; reminders go once before the due date and
 * once when it has passed; a follow-up conversation's mail says which one it is; and when the SMTP
 * server is down, people's work goes on and the mail follows when it is back.
 */
@DirtiesContext
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:mail-tests;DB_CLOSE_DELAY=-1",
    "kvalitet.mail.base-url=https://kvalitet.example.se/",
    "kvalitet.mail.from=kvalitetsarbete@example.se",
    // The tests send and scan themselves, at the moments they choose.
    "kvalitet.mail.send-interval=PT1H",
    "kvalitet.mail.reminder-scan-interval=PT1H"})
@ActiveProfiles("test")
class TaskMailTest {

  private static final int SMTP_PORT = freePort();
  private static GreenMail smtp = startSmtp();

  @DynamicPropertySource
  static void smtpServer(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.host", () -> "127.0.0.1");
    properties.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired Scenario scenario;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired MailOutbox outbox;
  @Autowired DueDateReminders reminders;
  @Autowired OutgoingMailRepository mails;
  @Autowired TestClock clock;

  Unit unit;

  @BeforeEach
  void peopleWithAddresses() throws Exception {
    unit = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_4_6).get(0);
    person(unit.getRektorUserId(), "Rut", "rut.rektor@example.se", Roles.REKTORER);
    person("samordnarea", "Sara", "sara.samordnare@example.se", Roles.COORDINATORS);
    person("samordnareb", "Sam", "sam.samordnare@example.se", Roles.COORDINATORS);
    person("samordnareutanadress", "Siv", null, Roles.COORDINATORS);
    outbox.sendDue();
    smtp.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void realTime() {
    clock.release();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @Test
  void theRektorGetsALinkToTheirTaskAndEveryCoordinatorWithAnAddressToTheGroupsReview() throws Exception {
    ProcessInstance needs = scenario.needsDescriptionOf(scenario.startRound(scenario.freshYear()), unit);
    Task write = scenario.task(needs, "Task_WriteNeedsDescription");

    assertThat(outbox.sendDue()).isEqualTo(1);
    MimeMessage toRektor = only(mailsAbout(write));
    assertThat(to(toRektor)).containsExactly("rut.rektor@example.se");
    assertThat(toRektor.getFrom()[0].toString()).isEqualTo("kvalitetsarbete@example.se");
    assertThat(toRektor.getSubject()).isEqualTo("Ny uppgift till dig: Skriv behovsbeskrivning – " + unit.getName());
    assertThat(text(toRektor)).startsWith("Hej Rut!")
        .contains("Du har fått uppgiften \"Skriv behovsbeskrivning\"", "Enhet: " + unit.getName())
        .contains("https://kvalitet.example.se/camunda/app/tasklist/default/#/?task=" + write.getId());

    scenario.submitNeeds(needs);
    Task review = scenario.task(needs, "Task_ReviewNeedsDescription");
    assertThat(outbox.sendDue()).isEqualTo(2);
    List<MimeMessage> toCoordinators = mailsAbout(review);
    assertThat(toCoordinators).extracting(TaskMailTest::to).containsExactlyInAnyOrder(
        List.of("sara.samordnare@example.se"), List.of("sam.samordnare@example.se"));
    assertThat(toCoordinators).extracting(MimeMessage::getSubject)
        .containsOnly("Ny uppgift att ta: Granska behovsbeskrivning – " + unit.getName());
    assertThat(text(toCoordinators.get(0))).contains("\"Ta uppgiften\"", "task=" + review.getId());
  }

  @Test
  void aTaskIsRemindedOnceBeforeItsDueDateAndOnceWhenItIsOverdue() throws Exception {
    ProcessInstance needs = scenario.needsDescriptionOf(scenario.startRound(scenario.freshYear()), unit);
    Task write = scenario.task(needs, "Task_WriteNeedsDescription");
    Instant due = Instant.now().plus(Duration.ofDays(10));
    tasks.setDueDate(write.getId(), Date.from(due));
    outbox.sendDue();
    smtp.purgeEmailFromAllMailboxes();

    clock.fixAt(due.minus(Duration.ofDays(3)));
    reminders.remind();
    outbox.sendDue();
    assertThat(mailsAbout(write)).as("three days before, with reminders two days ahead").isEmpty();

    clock.fixAt(due.minus(Duration.ofDays(1)));
    assertThat(reminders.remind()).isPositive();
    assertThat(reminders.remind()).isZero();
    outbox.sendDue();
    assertThat(mailsAbout(write)).as("outbox: %s", mails.findByTaskIdOrderByIdAsc(write.getId()).stream()
        .map(m -> m.getKind() + " " + m.getStatus() + " " + m.getNextAttemptAt() + " " + m.getLastError()).toList()).hasSize(1);
    MimeMessage soon = only(mailsAbout(write));
    assertThat(soon.getSubject()).startsWith("Påminnelse: Skriv behovsbeskrivning ska vara klar ");
    assertThat(text(soon)).contains("ska vara klar senast", "task=" + write.getId());

    clock.fixAt(due.plus(Duration.ofHours(1)));
    reminders.remind();
    clock.fixAt(due.plus(Duration.ofDays(3)));
    reminders.remind();
    outbox.sendDue();
    List<MimeMessage> all = mailsAbout(write);
    assertThat(all).hasSize(2);
    assertThat(all.get(1).getSubject()).startsWith("Försenad uppgift: Skriv behovsbeskrivning skulle ha varit klar ");
    assertThat(to(all.get(1))).containsExactly("rut.rektor@example.se");
  }

  @Test
  void theFollowUpConversationsInvitationsSayWhichConversationItIs() throws Exception {
    person("team5", "Elin", "elin.forsberg@example.se", Roles.QUALITY_TEAM);
    person("team6", "Jonas", "jonas.lund@example.se", Roles.QUALITY_TEAM);
    AllocationDecision decision = scenario.grantedDecision(unit, List.of("team5", "team6"));
    ProcessInstance assignment = runtime.startProcessInstanceByKey("Assignment", Variables.putValue("decisionId", decision.getId()));
    carryOutAndEvaluate(assignment);
    outbox.sendDue();
    smtp.purgeEmailFromAllMailboxes();

    management.createJobQuery().processInstanceId(assignment.getId()).activityId("Timer_FollowUpDue").list()
        .forEach(timer -> management.executeJob(timer.getId()));
    List<Task> followUps = scenario.tasks(assignment, "Task_HoldFollowUpConversation");
    assertThat(followUps).hasSize(3);
    outbox.sendDue();

    List<String> subjects = followUps.stream().map(this::mailsAbout).flatMap(List::stream).map(TaskMailTest::subject).distinct().toList();
    assertThat(subjects).containsExactlyInAnyOrder(
        "Inbjudan till uppföljande avstämningssamtal 1 av 3 (1 månad efter uppdraget) – " + unit.getName(),
        "Inbjudan till uppföljande avstämningssamtal 2 av 3 (3 månader efter uppdraget) – " + unit.getName(),
        "Inbjudan till uppföljande avstämningssamtal 3 av 3 (6 månader efter uppdraget) – " + unit.getName());
    List<MimeMessage> first = mailsAbout(followUps.get(0));
    assertThat(first).extracting(TaskMailTest::to).flatExtracting(list -> list)
        .containsExactlyInAnyOrder("rut.rektor@example.se", "elin.forsberg@example.se", "jonas.lund@example.se");
    assertThat(text(first.get(0))).contains("Det är dags för uppföljande avstämningssamtal", "det är planerat till");
  }

  @Test
  void whenTheSmtpServerIsDownTheWorkGoesOnAndTheMailFollowsWhenItIsBack() throws Exception {
    ProcessInstance needs = scenario.needsDescriptionOf(scenario.startRound(scenario.freshYear()), unit);
    outbox.sendDue();
    smtp.stop();
    try {
      scenario.submitNeeds(needs);
      Task review = scenario.task(needs, "Task_ReviewNeedsDescription");
      assertThat(review).as("the rektor's completion went through").isNotNull();
      Instant now = Instant.now();
      clock.fixAt(now);
      assertThat(outbox.sendDue()).isZero();
      assertThat(mails.findByTaskIdOrderByIdAsc(review.getId())).hasSize(2)
          .allMatch(mail -> mail.getStatus() == OutgoingMail.Status.PENDING)
          .anyMatch(mail -> mail.getAttempts() == 1 && mail.getLastError() != null);

      smtp = startSmtp();
      assertThat(outbox.sendDue()).as("the mail not yet tried goes at once; the failed one waits its turn").isEqualTo(1);
      clock.fixAt(now.plus(MailOutbox.FIRST_RETRY).plusSeconds(1));
      assertThat(outbox.sendDue()).isEqualTo(1);
      assertThat(mailsAbout(review)).extracting(TaskMailTest::to).flatExtracting(list -> list)
          .containsExactlyInAnyOrder("sara.samordnare@example.se", "sam.samordnare@example.se");
      assertThat(mails.findByTaskIdOrderByIdAsc(review.getId())).allMatch(mail -> mail.getStatus() == OutgoingMail.Status.SENT);
    } finally {
      if (!smtp.isRunning()) {
        smtp = startSmtp();
      }
    }
  }

  @Test
  void nobodyIsMailedAboutATaskTheyCannotSeeOrThatIsAlreadyDone() throws Exception {
    // Any model's user tasks mail, not only ours: a group's task in a model deployed here.
    if (identity.createGroupQuery().groupId("mailprov").count() == 0) {
      identity.saveGroup(identity.newGroup("mailprov"));
    }
    person("gruppa", "Greta", "greta@example.se", "mailprov");
    person("gruppb", "Gustav", "gustav@example.se", "mailprov");
    repository.createDeployment().addModelInstance("mail-probe.bpmn", Bpmn.createExecutableProcess("MailProbe")
        .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Probe").name("Prova").camundaCandidateGroups("mailprov").endEvent()
        .done()).deploy();
    Task probe = tasks.createTaskQuery().processInstanceId(runtime.startProcessInstanceByKey("MailProbe").getId()).singleResult();
    Authorization revoked = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoked.setUserId("gruppb");
    revoked.setResource(Resources.TASK);
    revoked.setResourceId(probe.getId());
    revoked.removePermission(Permissions.READ);
    authorizations.saveAuthorization(revoked);

    ProcessInstance needs = scenario.needsDescriptionOf(scenario.startRound(scenario.freshYear()), unit);
    Task write = scenario.task(needs, "Task_WriteNeedsDescription");
    scenario.submitNeeds(needs);

    outbox.sendDue();
    assertThat(mailsAbout(probe)).extracting(TaskMailTest::to).containsExactly(List.of("greta@example.se"));
    assertThat(mailsAbout(write)).as("the rektor had already written it").isEmpty();
    assertThat(mails.findByTaskIdOrderByIdAsc(write.getId())).extracting(OutgoingMail::getStatus).containsExactly(OutgoingMail.Status.DROPPED);
    authorizations.deleteAuthorization(revoked.getId());
  }

  private void carryOutAndEvaluate(ProcessInstance assignment) {
    Map<String, Object> kickOff = new java.util.HashMap<>(Map.of(
        "goals", "Fler elever når godtagbar läsförståelse i åk 5.",
        "supportForms", SpinValues.jsonValue("[\"SAMUNDERVISNING\"]").create(),
        "kickOffParticipants", "Arbetslag åk 5",
        "carrier", scenario.teacherOf(unit, "forste" + unit.getCode()),
        "teachers", SpinValues.jsonValue("[]").create()));
    scenario.complete(scenario.task(assignment, "Task_HoldKickOff"), kickOff);
    scenario.fire(assignment, "Timer_TermEnds");
    scenario.complete(scenario.task(assignment, "Task_HoldClosingConversation"), Map.of(
        "closingSummary", "Lärarna använder lässtrategier i alla ämnen.", "continuationPlan", "Försteläraren leder en lärgrupp.",
        "handOverDone", "YES"));
    for (Task survey : scenario.tasks(assignment, "Task_EvaluateAssignment")) {
      scenario.complete(survey, Scenario.evaluation());
    }
  }

  private void person(String id, String firstName, String email, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName("Testsson");
      user.setEmail(email);
      user.setPassword(Scenario.PASSWORD);
      identity.saveUser(user);
    }
    scenario.staff(id, group);
  }

  /** The mails received so far whose link leads to this task. */
  private List<MimeMessage> mailsAbout(Task task) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> text(mail).matches("(?s).*\\?task=" + task.getId() + "\\s.*")).toList();
  }

  private static MimeMessage only(List<MimeMessage> mails) {
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  private static String text(MimeMessage mail) {
    try {
      return mail.getContent().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> to(MimeMessage mail) {
    try {
      return Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static GreenMail startSmtp() {
    GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }
}
