package se.kvalitetsarbete.quality;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SchoolYearRepository extends JpaRepository<SchoolYear, Long> {

  // Written out (JPQL) rather than derived from the method's name: Hibernate keeps the plan of a JPQL
  // query, while a derived query is a criteria query that is translated to SQL anew at every call, on
  // the path of every task of a needs description (docs/benchmarks.md, "Per task").
  @Query("select y from SchoolYear y where y.label = :label")
  Optional<SchoolYear> findByLabel(@Param("label") String label);
}
