package se.kvalitetsarbete.quality;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.kvalitetsarbete.organisation.StaffTeam;
import se.kvalitetsarbete.organisation.StaffTeamRepository;
import se.kvalitetsarbete.security.Roles;
import se.kvalitetsarbete.security.StaffUser;

/**
 * An arbetslag's self-assessments over the years, with the rektor's feedback on each: read by the
 * arbetslag's members, the unit's rektor and those who read all plans.
 */
@RestController
public class StaffTeamAssessmentController {

  private static final String[] READ_ALL = {Roles.ADMINISTRATION, Roles.HEADS_OF_SCHOOL_FORMS, Roles.COORDINATORS,
      Roles.ADMINISTRATORS};

  public record ScoreView(String area, String criterion, int score) {}

  public record AssessmentView(String schoolYear, String team, String reflections, String assessedBy,
      List<ScoreView> scores, String feedback, String feedbackBy) {}

  private final StaffTeamRepository teams;
  private final StaffTeamAssessmentRepository assessments;
  private final SelfAssessmentRepository scores;
  private final StaffUser staff;

  public StaffTeamAssessmentController(StaffTeamRepository teams, StaffTeamAssessmentRepository assessments,
      SelfAssessmentRepository scores, StaffUser staff) {
    this.teams = teams;
    this.assessments = assessments;
    this.scores = scores;
    this.staff = staff;
  }

  @GetMapping("/api/staff-teams/{id}/self-assessments")
  @Transactional(readOnly = true)
  public List<AssessmentView> list(@PathVariable Long id, HttpServletRequest request) {
    StaffTeam team = teams.findById(id).orElseThrow(StaffTeamAssessmentController::notFound);
    String user = staff.id(request);
    if (!team.getMembers().contains(user) && !team.getUnit().getRektorUserId().equals(user) && !staff.isInOneOf(request, READ_ALL)) {
      throw notFound();
    }
    return assessments.findByStaffTeamIdOrderByPlanSchoolYearLabelDesc(id).stream()
        .map(a -> new AssessmentView(a.getPlan().getSchoolYear().getLabel(), a.getTeamName(), a.getStaffNotes(),
            a.getAssessedBy(),
            scores.findByPlanId(a.getPlan().getId()).stream()
                .filter(s -> s.getStaffTeam() != null && s.getStaffTeam().getId().equals(id) && s.getCriterion() != null)
                .map(s -> new ScoreView(s.getArea().label(), s.getCriterion().getDescription(), s.getScore())).toList(),
            a.getTeamFeedback(), a.getFeedbackBy()))
        .toList();
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "Finns inte, eller så saknar du behörighet.");
  }
}
