package se.kvalitetsarbete.allocation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NeedsCommentRepository extends JpaRepository<NeedsComment, Long> {

  // JPQL, not derived from the name: Hibernate keeps a JPQL query's plan, while a derived
  // (criteria) query is translated at every call (docs/benchmarks.md, "Per task").
  @Query("select c from NeedsComment c where c.needsDescriptionId = :needsDescriptionId order by c.writtenAt asc, c.id asc")
  List<NeedsComment> findByNeedsDescriptionIdOrderByWrittenAtAscIdAsc(@Param("needsDescriptionId") Long needsDescriptionId);
}
