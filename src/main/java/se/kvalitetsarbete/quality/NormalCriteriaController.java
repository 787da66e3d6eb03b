package se.kvalitetsarbete.quality;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.quality.SelfAssessment.Area;
import se.kvalitetsarbete.security.Roles;
import se.kvalitetsarbete.security.StaffUser;

/**
 * The catalogue of normallägen: everyone logged in reads it; the administration keeps it. A
 * criterion in use is switched off ({@code active: false}), not removed, so earlier scores keep their text.
 */
@RestController
@RequestMapping("/api/normal-criteria")
public class NormalCriteriaController {

  public record CriterionInput(String area, Integer sortOrder, String description, List<String> schoolForms, Boolean active) {}

  public record CriterionView(Long id, String area, String areaLabel, int sortOrder, String description,
      List<String> schoolForms, boolean active) {
    static CriterionView of(NormalCriterion c) {
      return new CriterionView(c.getId(), c.getArea().name(), c.getArea().label(), c.getSortOrder(), c.getDescription(),
          c.getSchoolForms().stream().map(SchoolForm::name).toList(), c.isActive());
    }
  }

  private final NormalCriterionRepository criteria;
  private final StaffUser staff;
  private final Texts texts;

  public NormalCriteriaController(NormalCriterionRepository criteria, StaffUser staff, Texts texts) {
    this.criteria = criteria;
    this.staff = staff;
    this.texts = texts;
  }

  @GetMapping
  @Transactional(readOnly = true)
  public List<CriterionView> list() {
    return criteria.findAllByOrderBySortOrderAscIdAsc().stream().map(CriterionView::of).toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  public CriterionView create(@RequestBody CriterionInput input, HttpServletRequest request) {
    staff.requireOneOf(request, Roles.ADMINISTRATION, Roles.ADMINISTRATORS);
    NormalCriterion criterion = new NormalCriterion(Area.pedagogiskLedning, 0, "", null);
    apply(criterion, input);
    return CriterionView.of(criteria.save(criterion));
  }

  @PutMapping("/{id}")
  @Transactional
  public CriterionView change(@PathVariable Long id, @RequestBody CriterionInput input, HttpServletRequest request) {
    staff.requireOneOf(request, Roles.ADMINISTRATION, Roles.ADMINISTRATORS);
    NormalCriterion criterion = criteria.findById(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, texts.get("normallage.notFound")));
    apply(criterion, input);
    return CriterionView.of(criterion);
  }

  private void apply(NormalCriterion criterion, CriterionInput input) {
    List<String> problems = new ArrayList<>();
    Area area = Arrays.stream(Area.values()).filter(a -> a.name().equals(input.area())).findFirst().orElse(null);
    if (area == null) {
      problems.add(texts.get("normallage.badArea", Arrays.toString(Area.values())));
    }
    String description = input.description() == null ? "" : input.description().trim();
    if (description.isEmpty() || description.length() > 1000) {
      problems.add(texts.get("normallage.badDescription"));
    }
    List<SchoolForm> forms = new ArrayList<>();
    for (String form : input.schoolForms() == null ? List.<String>of() : input.schoolForms()) {
      Arrays.stream(SchoolForm.values()).filter(f -> f.name().equals(form)).findFirst()
          .ifPresentOrElse(forms::add, () -> problems.add(texts.get("normallage.badSchoolForm", form)));
    }
    if (!problems.isEmpty()) {
      throw texts.invalid("error.form", String.join(" ", problems));
    }
    criterion.change(area, input.sortOrder() == null ? criterion.getSortOrder() : input.sortOrder(), description, forms,
        input.active() == null || input.active());
  }
}
