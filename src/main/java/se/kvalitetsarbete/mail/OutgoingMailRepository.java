package se.kvalitetsarbete.mail;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OutgoingMailRepository extends JpaRepository<OutgoingMail, Long> {

  @Query("select m.id from OutgoingMail m where m.status = se.kvalitetsarbete.mail.OutgoingMail.Status.PENDING"
      + " and m.nextAttemptAt <= ?1 order by m.nextAttemptAt, m.id")
  List<Long> findDue(LocalDateTime now, Pageable page);

  List<OutgoingMail> findByTaskIdOrderByIdAsc(String taskId);
}
