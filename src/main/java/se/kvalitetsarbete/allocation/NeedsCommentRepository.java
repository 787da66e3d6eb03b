package se.kvalitetsarbete.allocation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NeedsCommentRepository extends JpaRepository<NeedsComment, Long> {

  // Written out (JPQL) rather than derived from the method's name: Hibernate keeps the plan of a JPQL
  // query, while a derived query is a criteria query that is translated to SQL anew at every call, on
  // the path of every task of a needs description (docs/benchmarks.md, "Per task").
  @Query("select c from NeedsComment c where c.needsDescriptionId = :needsDescriptionId order by c.writtenAt asc, c.id asc")
  List<NeedsComment> findByNeedsDescriptionIdOrderByWrittenAtAscIdAsc(@Param("needsDescriptionId") Long needsDescriptionId);
}
