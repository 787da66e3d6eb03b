package se.kvalitetsarbete.indicators;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import se.kvalitetsarbete.organisation.SchoolForm;

/**
 * One of the shared indicators (seed 003, appendix 2), followed over time to see progression, not
 * to rank. The catalogue is set by the migration; only the values are imported.
 */
@Entity
public class Indicator {

  /** The unit of measure whose values are shares, 0–100. */
  public static final String PERCENT = "procent";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** Our code, I01…I13. */
  private String code;

  private String nameSv;

  /** "procent", "meritvärde" or "betygspoäng". */
  private String unitOfMeasure;

  /** Kolada's id for the same measure, where known; an import may name the indicator by it. */
  private String koladaKpi;

  /** The school form the indicator is about; none when it spans several. */
  @Enumerated(EnumType.STRING)
  private SchoolForm schoolForm;

  private Integer sortOrder;

  protected Indicator() {}

  public Long getId() { return id; }
  public String getCode() { return code; }
  public String getNameSv() { return nameSv; }
  public String getUnitOfMeasure() { return unitOfMeasure; }
  public String getKoladaKpi() { return koladaKpi; }
  public SchoolForm getSchoolForm() { return schoolForm; }
  public Integer getSortOrder() { return sortOrder; }

  public boolean isPercentage() {
    return PERCENT.equals(unitOfMeasure);
  }
}
