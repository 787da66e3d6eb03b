package se.kvalitetsarbete.quality;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface QualityPlanRepository extends JpaRepository<QualityPlan, Long> {

  /**
   * Read at every plan's start and every "Hur blev det?". A query of its own text, not one derived
   * from the method's name: Hibernate keeps the SQL of a text query, while a derived (criteria)
   * query is translated anew at every call (6 % of the job threads' time when a school year starts).
   */
  @Query("select p from QualityPlan p where p.unit.id = :unitId and p.schoolYear.label = :schoolYearLabel")
  Optional<QualityPlan> findByUnitIdAndSchoolYearLabel(@Param("unitId") Long unitId, @Param("schoolYearLabel") String schoolYearLabel);

  List<QualityPlan> findBySchoolYearIdOrderByUnitName(Long schoolYearId);
}
