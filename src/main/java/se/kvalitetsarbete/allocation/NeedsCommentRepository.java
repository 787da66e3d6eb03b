package se.kvalitetsarbete.allocation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NeedsCommentRepository extends JpaRepository<NeedsComment, Long> {

  List<NeedsComment> findByNeedsDescriptionIdOrderByWrittenAtAscIdAsc(Long needsDescriptionId);
}
