package se.kvalitetsarbete.regional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Another municipality of the collaboration, with its contact: a record, not a user of this installation. */
@Entity
public class ExchangeParticipant {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String municipality;
  private String contact;

  protected ExchangeParticipant() {}

  public ExchangeParticipant(String municipality, String contact) {
    this.municipality = municipality;
    this.contact = contact;
  }

  public Long getId() { return id; }

  public String getMunicipality() { return municipality; }
  public String getContact() { return contact; }
}
