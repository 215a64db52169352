package org.miic.onboarding.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.miic.onboarding.worksheet.WorksheetOptions.RequestType;

/**
 * Which step-3 testing phases a request runs. A new exchange runs transport, format and content testing, and query
 * testing when it asks for query / bi-directional exchange; a change of a current exchange runs the phases staff choose
 * in <em>Review worksheet</em> (at least one), and query testing whenever it adds query / bi-directional exchange.
 */
public record TestingPlan(boolean transport, boolean format, boolean content, boolean query) {

  /** What staff are offered in Review worksheet before they choose. */
  public static TestingPlan defaultsFor(RequestType type, boolean change) {
    boolean queries = type == RequestType.QUERY_BIDIRECTIONAL;
    return change ? new TestingPlan(false, true, !queries, queries) : new TestingPlan(true, true, true, queries);
  }

  /** The plan staff chose, made to fit the rules; empty with the sentence that says why it cannot. */
  public static Result of(RequestType type, boolean change, Boolean transport, Boolean format, Boolean content, Boolean query) {
    boolean queries = type == RequestType.QUERY_BIDIRECTIONAL;
    if (queries && Boolean.FALSE.equals(query)) {
      return new Result(Optional.empty(), "A query / bi-directional request needs query testing: its Z34 and Z44 queries must be "
          + "answered as the IG prescribes before it goes live.");
    }
    if (!change) {
      return new Result(Optional.of(new TestingPlan(true, true, true, queries || Boolean.TRUE.equals(query))), null);
    }
    TestingPlan chosen = new TestingPlan(Boolean.TRUE.equals(transport), Boolean.TRUE.equals(format), Boolean.TRUE.equals(content),
        queries || Boolean.TRUE.equals(query));
    if (chosen.phases().isEmpty()) {
      return new Result(Optional.empty(), "Choose at least one testing phase for the change: transport, format, content or query testing.");
    }
    return new Result(Optional.of(chosen), null);
  }

  /** The plan, or why the choice cannot stand. */
  public record Result(Optional<TestingPlan> plan, String refusal) {}

  /** The phases in the order they run: "TRANSPORT", "FORMAT", "CONTENT", "QUERY". */
  public List<String> phases() {
    List<String> out = new ArrayList<>();
    if (transport) {
      out.add("TRANSPORT");
    }
    if (format) {
      out.add("FORMAT");
    }
    if (content) {
      out.add("CONTENT");
    }
    if (query) {
      out.add("QUERY");
    }
    return out;
  }
}
