package se.kvalitetsarbete.organisation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

public interface TermRepository extends JpaRepository<Term, Long> {

  Optional<Term> findBySeasonAndYear(Season season, int year);

  @Transactional
  default Term findOrCreate(Term.Key key) {
    return findBySeasonAndYear(key.season(), key.year())
        .orElseGet(() -> save(new Term(key.season(), key.year())));
  }
}
