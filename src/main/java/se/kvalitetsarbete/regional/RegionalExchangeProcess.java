package se.kvalitetsarbete.regional;

/** Variable names of the RegionalExchange process, as Java uses them. */
public final class RegionalExchangeProcess {

  public static final String REGIONAL_EXCHANGE_ID = "regionalExchangeId";
  public static final String COLLABORATION = "collaboration";
  public static final String SCHOOL_YEAR = "schoolYear";
  public static final String PARTICIPANTS = "participants";

  private RegionalExchangeProcess() {}
}
