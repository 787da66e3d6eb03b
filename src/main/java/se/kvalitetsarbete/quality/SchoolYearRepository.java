package se.kvalitetsarbete.quality;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SchoolYearRepository extends JpaRepository<SchoolYear, Long> {

  // JPQL, not derived from the name: Hibernate keeps a JPQL query's plan, while a derived
  // (criteria) query is translated at every call (docs/benchmarks.md, "Per task").
  @Query("select y from SchoolYear y where y.label = :label")
  Optional<SchoolYear> findByLabel(@Param("label") String label);
}
