package se.kvalitetsarbete.allocation;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import se.kvalitetsarbete.organisation.Term;

public interface AllocationDecisionRepository extends JpaRepository<AllocationDecision, Long> {

  @Query("select d from AllocationDecision d where d.needsDescription.round.id = :roundId order by d.id")
  List<AllocationDecision> findByRound(Long roundId);

  @Query("select d from AllocationDecision d where d.needsDescription.round.term = :term and d.outcome <> 'NOT_GRANTED'")
  List<AllocationDecision> findGrantedInTerm(Term term);

  @Query("""
      select count(d) > 0 from AllocationDecision d
      where d.needsDescription.unit.id = :unitId and d.outcome <> 'NOT_GRANTED'
        and d.needsDescription.round.term in :terms and d.id <> :exceptDecisionId""")
  boolean unitWasGrantedIn(Long unitId, Collection<Term> terms, Long exceptDecisionId);

  @Query("select d from AllocationDecision d order by d.decidedAt desc, d.id")
  List<AllocationDecision> findAllNewestFirst();
}
