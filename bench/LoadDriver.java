import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The load driver of the MIIC Exchange Onboarding harness (bench/run starts the application and calls this): every
 * measured operation at 1, 4 and 16 clients over HTTP, the bare-engine baseline beside them, rates and latency
 * percentiles written as JSON lines. A single Java file with no dependencies: {@code java bench/LoadDriver.java ...}.
 *
 * <p>Usage: {@code java bench/LoadDriver.java BASE_URL ADMIN_PASSWORD LABEL OUTPUT_FILE [seconds] [clients,...]}, or
 * {@code ... OUTPUT_FILE --batch MESSAGES} for one batch upload alone.
 */
public class LoadDriver {

  static String base;
  static String admin;
  static String label;
  static Path output;
  static int seconds = 10;
  static int[] clientCounts = {1, 4, 16};
  /** BENCH_ONLY: a regular expression; only the operations whose names it finds run (all when unset). */
  static final java.util.regex.Pattern ONLY = java.util.regex.Pattern.compile(System.getenv().getOrDefault("BENCH_ONLY", ""));
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  public static void main(String[] args) throws Exception {
    base = args[0];
    admin = "admin:" + args[1];
    label = args[2];
    output = Path.of(args[3]);
    if (args.length > 5 && args[4].equals("--batch")) {
      // Only one batch upload of the given number of messages (e.g. 30,000: about 50 MB), for the memory it needs.
      String message = Files.readString(Path.of("src/test/resources/hl7/nist-iz-ad-2.1-send-v04-z22.hl7"), StandardCharsets.UTF_8);
      batch(json(call("POST", "/api/bench/sender?environment=PRODUCTION", null, null, admin).body()), message, Integer.parseInt(args[5]));
      return;
    }
    if (args.length > 4) {
      seconds = Integer.parseInt(args[4]);
    }
    if (args.length > 5) {
      clientCounts = Arrays.stream(args[5].split(",")).mapToInt(Integer::parseInt).toArray();
    }
    String vxu = Files.readString(Path.of("src/test/resources/hl7/nist-iz-ad-2.1-send-v04-z22.hl7"), StandardCharsets.UTF_8);
    // A new JVM (bench/run says so for the first data set after each start; without it, an empty database): the
    // engine's paths are warmed up before the first intake.
    String freshJvm = System.getenv("BENCH_FRESH_JVM");
    long atStart = dataSet("at start");
    boolean fresh = freshJvm == null ? atStart == 0 : freshJvm.equals("1");

    // The messages: one organization in transport testing sends from every client at once.
    Map<String, String> sender = json(call("POST", "/api/bench/sender", null, null, admin).body());
    String user = sender.get("username");
    String password = sender.get("password");
    String facility = sender.get("facilityId");
    // Warm-up of the whole path (the JIT compiles for a minute after start): not recorded.
    if (Stream.of("validate", "https-post", "soap", "queue-page", "soap production", "soap production while monitoring", "batch")
        .anyMatch(LoadDriver::wanted)) {
      drive(4, () -> request("POST", "/api/hl7/messages?facilityID=" + facility, vxu, "text/plain", user + ":" + password), 30, null);
      drive(4, () -> request("POST", "/api/hl7/validate", vxu, "text/plain", null), 10, null);
    }
    for (int clients : clientCounts) {
      run("validate", clients, () -> request("POST", "/api/hl7/validate", vxu, "text/plain", null));
    }
    for (int clients : clientCounts) {
      run("https-post", clients, () -> request("POST", "/api/hl7/messages?facilityID=" + facility, vxu, "text/plain", user + ":" + password));
    }
    String soap = soapEnvelope(user, password, facility, vxu);
    for (int clients : clientCounts) {
      run("soap", clients, () -> request("POST", "/iis/soap", soap, "application/soap+xml; charset=UTF-8", null));
    }
    for (int clients : clientCounts) {
      run("queue-page", clients, () -> request("GET", "/api/queue?page=0&size=50", null, null, admin));
    }

    // Production traffic (step 4): SOAP with PRODUCTION credentials, alone and while the monthly monitoring computes the
    // scorecard of every production exchange over and over beside it.
    Map<String, String> live = json(call("POST", "/api/bench/sender?environment=PRODUCTION", null, null, admin).body());
    String productionSoap = soapEnvelope(live.get("username"), live.get("password"), live.get("facilityId"), vxu);
    for (int clients : clientCounts) {
      run("soap production", clients, () -> request("POST", "/iis/soap", productionSoap, "application/soap+xml; charset=UTF-8", null));
    }
    for (int clients : wanted("soap production while monitoring") ? clientCounts : new int[0]) {
      java.util.concurrent.atomic.AtomicBoolean monitoring = new java.util.concurrent.atomic.AtomicBoolean(true);
      AtomicInteger rounds = new AtomicInteger();
      Thread monitor = new Thread(() -> {
        while (monitoring.get()) {
          try {
            call("POST", "/api/bench/monitor", null, null, admin);
            rounds.incrementAndGet();
          } catch (Exception e) {
            return;
          }
        }
      });
      monitor.start();
      run("soap production while monitoring", clients, () -> request("POST", "/iis/soap", productionSoap,
          "application/soap+xml; charset=UTF-8", null));
      monitoring.set(false);
      monitor.join();
      System.out.println("  (monitoring rounds meanwhile: " + rounds.get() + ")");
    }

    // A batch file of 10,000 production messages, one upload: messages a second, and the heap's peak meanwhile.
    if (wanted("batch")) {
      batch(live, vxu, 10_000);
    }

    // Staff completions of each task type beside the bare engine's completion, from pools prepared in the application.
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("Task_RecordUserAgreement", "{\"signerName\":{\"value\":\"Dr. Kim\"},\"signedOn\":{\"value\":\"" + today() + "\"}}");
    variables.put("Task_ReviewWorksheet", "{\"worksheetDecision\":{\"value\":\"complete\"}}");
    variables.put("Task_SetUpTransport", "{\"transportOutcome\":{\"value\":\"passed\"}}");
    variables.put("Task_MessageFormatTesting", "{\"formatOutcome\":{\"value\":\"passed\"}}");
    variables.put("Task_MessageContentValidation", "{\"contentOutcome\":{\"value\":\"passed\"},\"noMessagesReason\":{\"value\":\"Load test\"}}");
    variables.put("Task_ApproveMessageContent", "{\"contentApproval\":{\"value\":\"approved\"},\"noMessagesReason\":{\"value\":\"Load test\"}}");
    variables.put("Task_CoordinateGoLive", "{\"goLiveDate\":{\"value\":\"" + today() + "\"}}");
    variables.put("Task_QueryTesting", "{\"queryOutcome\":{\"value\":\"corrections\"},\"correctionNotes\":{\"value\":\"Load test\"}}");
    variables.put("Task_ReviewDataQuality", "{\"dataQualityOutcome\":{\"value\":\"fine\"}}");
    variables.put("Task_FollowUpDataQuality", "{\"followUpOutcome\":{\"value\":\"resolved\"}}");
    variables.put("Task_ResumeExchange", "{\"resumeOutcome\":{\"value\":\"resume\"}}");
    variables.put("Task_AgreementLapsed", "{\"renewalDecision\":{\"value\":\"notYet\"}}");
    // On a fresh start the engine's code paths are still interpreted (the message warm-up above does not take them), and
    // the first cells of the empty data set measured the JIT more than the application: the bare engine's own rate at 1
    // client was a third of its rate at 20,000 existing requests on H2. Each path is taken for a while first, unrecorded.
    if (fresh && (Stream.of("intake", "baseline-start", "baseline-complete", "baseline-complete after").anyMatch(LoadDriver::wanted)
        || variables.keySet().stream().anyMatch(key -> wanted("complete " + key.replace("Task_", ""))))) {
      warmUpEngine(variables);
      dataSet("after the warm-up");
    }

    // Intake (a worksheet of a new organization: receipt, completeness check, agreement request) beside the bare engine's start.
    String prefix = "Intake " + label + " " + System.currentTimeMillis();
    AtomicInteger n = new AtomicInteger();
    for (int clients : clientCounts) {
      run("intake", clients, () -> request("POST", "/api/worksheets", worksheetJson(prefix + "-" + n.getAndIncrement()), "application/json", null));
      run("baseline-start", clients, () -> request("POST", "/engine-rest/process-definition/key/BenchBaseline/start", "{}",
          "application/json", admin));
    }

    for (int clients : clientCounts) {
      int poolSize = Math.max(60, clients * 20);
      List<String> baselineTasks = wanted("baseline-complete") ? baselineTasks(poolSize) : List.of();
      run("baseline-complete", clients, pool(baselineTasks, id -> request("POST", "/engine-rest/task/" + id + "/complete",
          "{\"variables\":{}}", "application/json", admin)));
      for (Map.Entry<String, String> task : variables.entrySet()) {
        if (!wanted("complete " + task.getKey().replace("Task_", ""))) {
          continue;
        }
        List<String> ids = ids(call("POST", "/api/bench/pool?task=" + task.getKey() + "&count=" + poolSize, null, null, admin).body());
        run("complete " + task.getKey().replace("Task_", ""), clients, pool(ids, id -> request("POST", "/engine-rest/task/" + id + "/complete",
            "{\"variables\":" + task.getValue() + "}", "application/json", admin)));
      }
      // The bare completion again after the series (a few minutes on): the task types are compared with the mean of the
      // two, so a drift of the machine in between weighs on both sides alike.
      List<String> after = wanted("baseline-complete after") ? baselineTasks(poolSize) : List.of();
      run("baseline-complete after", clients, pool(after, id -> request("POST", "/engine-rest/task/" + id + "/complete",
          "{\"variables\":{}}", "application/json", admin)));
    }
    dataSet("at end");
  }

  /** Intake, the bare start and completion, and one small pool of each task type: completed, not recorded. */
  static void warmUpEngine(Map<String, String> variables) throws Exception {
    String prefix = "Warm-up " + label + " " + System.currentTimeMillis();
    AtomicInteger n = new AtomicInteger();
    drive(4, () -> request("POST", "/api/worksheets", worksheetJson(prefix + "-" + n.getAndIncrement()), "application/json", null), 15, null);
    drive(4, () -> request("POST", "/engine-rest/process-definition/key/BenchBaseline/start", "{}", "application/json", admin), 15, null);
    drive(4, pool(baselineTasks(80), id -> request("POST", "/engine-rest/task/" + id + "/complete", "{\"variables\":{}}",
        "application/json", admin)), 60, null);
    for (Map.Entry<String, String> task : variables.entrySet()) {
      if (!wanted("complete " + task.getKey().replace("Task_", ""))) {
        continue;
      }
      List<String> ids = ids(call("POST", "/api/bench/pool?task=" + task.getKey() + "&count=20", null, null, admin).body());
      drive(4, pool(ids, id -> request("POST", "/engine-rest/task/" + id + "/complete", "{\"variables\":" + task.getValue() + "}",
          "application/json", admin)), 60, null);
    }
    quiet();
  }

  /** The data set's size now (requests, and how many wait in the queue), recorded beside the measurements. */
  static long dataSet(String when) throws Exception {
    Map<String, String> n = json(call("GET", "/api/bench/requests", null, null, admin).body().replaceAll(":(\\d+)", ":\"$1\""));
    String line = "{\"label\":\"" + label + "\",\"operation\":\"data set\",\"when\":\"" + when + "\",\"requests\":" + n.get("requests")
        + ",\"waiting\":" + n.get("waiting") + "}";
    System.out.println(line);
    Files.writeString(output, line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    return Long.parseLong(n.get("requests"));
  }

  /**
   * One upload of a batch of {@code count} messages (FHS, BHS, the messages, BTS, FTS) with the given credentials: the
   * messages a second over the whole upload, and the peak of the heap meanwhile (each heap pool's peak, summed).
   */
  static void batch(Map<String, String> login, String vxu, int count) throws Exception {
    StringBuilder file = new StringBuilder("FHS|^~\\&|BENCH|BENCH|MIIC|MIIC|20261201000000-0600||||F1\rBHS|^~\\&|BENCH|BENCH|MIIC|MIIC|"
        + "20261201000000-0600||||B1\r");
    String message = vxu.replace("\r\n", "\r").replace('\n', '\r').strip();
    for (int i = 0; i < count; i++) {
      file.append(message.replaceFirst("\\|NIST-IZ-AD-2\\.1_Send_V04_Z22\\|", "|BATCH-" + i + "|")).append('\r');
    }
    file.append("BTS|").append(count).append("\rFTS|1\r");
    Map<String, String> before = json(call("POST", "/api/bench/heap/reset", null, null, admin).body().replaceAll(":(\\d+)", ":\"$1\""));
    // The answer streams while the file is sent: it is read on its own thread, or both sides would wait on full buffers.
    URI uri = URI.create(base);
    byte[] body = file.toString().getBytes(StandardCharsets.UTF_8);
    long t0 = System.nanoTime();
    String answer;
    int status;
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(600_000);
      String basic = Base64.getEncoder().encodeToString((login.get("username") + ":" + login.get("password")).getBytes(StandardCharsets.UTF_8));
      String head = "POST /api/hl7/batches?facilityID=" + login.get("facilityId") + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
          + "\r\nContent-Type: text/plain; charset=UTF-8\r\nAuthorization: Basic " + basic + "\r\nContent-Length: " + body.length
          + "\r\nConnection: close\r\n\r\n";
      java.util.concurrent.CompletableFuture<byte[]> reading = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return socket.getInputStream().readAllBytes();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      for (int off = 0; off < body.length; off += 65536) {
        out.write(body, off, Math.min(65536, body.length - off));
      }
      out.flush();
      byte[] raw = reading.get();
      String answerHead = new String(raw, 0, Math.min(raw.length, 4096), StandardCharsets.ISO_8859_1);
      status = Integer.parseInt(answerHead.substring(9, 12));
      int bodyStart = answerHead.indexOf("\r\n\r\n") + 4;
      byte[] rest = Arrays.copyOfRange(raw, bodyStart, raw.length);
      answer = new String(answerHead.substring(0, bodyStart).toLowerCase().contains("transfer-encoding: chunked") ? dechunk(rest) : rest,
          StandardCharsets.UTF_8);
    }
    Res res = new Res(status, answer);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    Map<String, String> after = json(call("GET", "/api/bench/heap", null, null, admin).body().replaceAll(":(\\d+)", ":\"$1\""));
    int acks = res.body().split("MSA\\|", -1).length - 1;
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("label", label);
    result.put("operation", "batch upload");
    result.put("messages", count);
    result.put("megabytes", round(file.length() / 1048576.0));
    result.put("acknowledged", acks);
    result.put("status", res.status());
    result.put("seconds", round(elapsed));
    result.put("messagesPerSecond", round(count / elapsed));
    result.put("heapBeforeMb", Integer.parseInt(before.get("usedMb")));
    result.put("heapPeakMb", Integer.parseInt(after.get("peakMb")));
    result.put("heapMaxMb", Integer.parseInt(after.get("maxMb")));
    String line = toJson(result);
    System.out.println(line);
    Files.writeString(output, line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
  }

  /** The body of a chunked HTTP/1.1 answer. */
  static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(chunked.length);
    int at = 0;
    while (at < chunked.length) {
      int eol = at;
      while (eol + 1 < chunked.length && !(chunked[eol] == '\r' && chunked[eol + 1] == '\n')) {
        eol++;
      }
      int size = Integer.parseInt(new String(chunked, at, eol - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      out.write(chunked, eol + 2, size);
      at = eol + 2 + size + 2;
    }
    return out.toByteArray();
  }

  /** A request to send: method, path, content type, basic credentials ("user:password"), body. */
  record Req(String method, String path, String contentType, String basic, String body) {}

  record Res(int status, String body) {}

  /**
   * A keep-alive HTTP/1.1 connection on a plain socket: the load generator shares the two cores with the application,
   * and the JDK's HttpClient cost it several times more CPU per request.
   */
  static final class Connection implements AutoCloseable {
    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Connection(String host, int port) {
      this.host = host;
      this.port = port;
    }

    Res send(Req r) throws IOException {
      for (int attempt = 0; ; attempt++) {
        try {
          if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(120_000);
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            out = socket.getOutputStream();
          }
          byte[] body = r.body() == null ? new byte[0] : r.body().getBytes(StandardCharsets.UTF_8);
          StringBuilder head = new StringBuilder(r.method()).append(' ').append(r.path()).append(" HTTP/1.1\r\nHost: ").append(host)
              .append(':').append(port).append("\r\nContent-Length: ").append(body.length).append("\r\n");
          if (r.contentType() != null) {
            head.append("Content-Type: ").append(r.contentType()).append("\r\n");
          }
          if (r.basic() != null) {
            head.append("Authorization: Basic ").append(Base64.getEncoder().encodeToString(r.basic().getBytes(StandardCharsets.UTF_8)))
                .append("\r\n");
          }
          head.append("\r\n");
          out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
          out.write(body);
          out.flush();
          return read();
        } catch (IOException e) {
          close();
          if (attempt > 0) {
            throw e;
          }
        }
      }
    }

    private Res read() throws IOException {
      String status = line();
      int code = Integer.parseInt(status.split(" ")[1]);
      int length = -1;
      boolean chunked = false;
      boolean closeAfter = false;
      for (String h = line(); !h.isEmpty(); h = line()) {
        String lower = h.toLowerCase();
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(h.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          closeAfter = true;
        }
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      if (chunked) {
        for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0; size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
          body.write(in.readNBytes(size));
          line();
        }
        line();
      } else if (length > 0) {
        body.write(in.readNBytes(length));
      }
      if (closeAfter) {
        close();
      }
      return new Res(code, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
      StringBuilder sb = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("connection closed");
        }
        if (c != '\r') {
          sb.append((char) c);
        }
      }
      return sb.toString();
    }

    @Override
    public void close() {
      try {
        if (socket != null) {
          socket.close();
        }
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
    }
  }

  /**
   * Waits until the application's job executor has no due job left (at most three minutes): what one measurement left
   * behind (emails, continuations) is not charged to the next one.
   */
  static void quiet() throws Exception {
    long until = System.currentTimeMillis() + 180_000;
    while (System.currentTimeMillis() < until) {
      String body = call("GET", "/api/bench/jobs", null, null, admin).body();
      if (body.matches(".*\"due\":0[,}].*")) {
        return;
      }
      Thread.sleep(250);
    }
    System.out.println("  (jobs still due after three minutes; measuring anyway)");
  }

  /** Whether BENCH_ONLY lets this operation run. */
  static boolean wanted(String operation) {
    return ONLY.matcher(operation).find();
  }

  /**
   * BENCH_REPEAT: how often each timed cell is measured, one right after the other (1 when unset). A 10-second cell at
   * 1 client moved by a third between two runs at the same code; summary.py reports the median repetition and the range.
   * A cell drawn from a pool of tasks is measured once (its pool is made for it).
   */
  static final int REPEAT = Integer.parseInt(System.getenv().getOrDefault("BENCH_REPEAT", "1"));

  static void run(String operation, int clients, Supplier<Req> next) throws Exception {
    if (!wanted(operation)) {
      return;
    }
    int times = next instanceof Pool ? 1 : REPEAT;
    for (int repetition = 1; repetition <= times; repetition++) {
      quiet();
      if (!(next instanceof Pool) && repetition == 1) {
        drive(clients, next, Math.min(3, seconds), null); // warm-up, not recorded
      }
      measure(operation, clients, next, times == 1 ? 0 : repetition);
    }
  }

  /**
   * One recorded measurement, once the application is quiet: {@code clients} threads send requests for {@code seconds},
   * or until a pool runs dry; its JSON line (with {@code repeat} when the cell is measured more than once).
   */
  static void measure(String operation, int clients, Supplier<Req> next, int repetition) throws Exception {
    List<Long> latencies = new ArrayList<>();
    AtomicInteger errors = new AtomicInteger();
    long started = System.nanoTime();
    List<String> samples = new ArrayList<>();
    List<long[]> spans = new ArrayList<>();
    drive(clients, next, seconds, new Recorder(latencies, errors, samples, spans));
    double elapsed = (System.nanoTime() - started) / 1e9;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    double[] busy = busyRate(spans);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("label", label);
    result.put("operation", operation);
    result.put("clients", clients);
    if (repetition > 0) {
      result.put("repeat", repetition);
    }
    result.put("count", sorted.length);
    result.put("errors", errors.get());
    result.put("seconds", round(elapsed));
    // The rate while every client was busy (see busyRate); over the whole cell only when that window is too short.
    result.put("perSecond", round(busy == null ? sorted.length / elapsed : busy[0]));
    result.put("perSecondOverall", round(sorted.length / elapsed));
    result.put("busySeconds", busy == null ? null : round(busy[1]));
    result.put("p50ms", percentile(sorted, 50));
    result.put("p95ms", percentile(sorted, 95));
    result.put("p99ms", percentile(sorted, 99));
    if (!samples.isEmpty()) {
      result.put("firstError", samples.get(0));
    }
    String line = toJson(result);
    System.out.println(line);
    Files.writeString(output, line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
  }

  /** What one measurement gathers; {@code spans}: per client, the start and end of each answered request, in turn (ns). */
  record Recorder(List<Long> latencies, AtomicInteger errors, List<String> samples, List<long[]> spans) {}

  /**
   * The rate while all clients were busy: from the moment the last client sent its first request to the moment the
   * first client stopped (its time was up, or the pool ran dry), the answers received in that window divided by its
   * length; with its length in seconds. A cell from a pool of 40 tasks lasts a fraction of a second, and over the whole
   * cell the threads' start, the first connections and the tail where fewer clients are left weigh on the rate (more
   * on the faster operation: the bare engine's pool is done soonest). Null when a client got no answer, when the window is
   * shorter than a fifth of the span from the first request to the last answer, or when it holds fewer than 10 answers:
   * the caller then takes the rate over the whole cell.
   */
  static double[] busyRate(List<long[]> spans) {
    if (spans.isEmpty() || spans.stream().anyMatch(s -> s.length == 0)) {
      return null;
    }
    long from = spans.stream().mapToLong(s -> s[0]).max().orElseThrow();
    long until = spans.stream().mapToLong(s -> s[s.length - 1]).min().orElseThrow();
    long first = spans.stream().mapToLong(s -> s[0]).min().orElseThrow();
    long last = spans.stream().mapToLong(s -> s[s.length - 1]).max().orElseThrow();
    long answers = spans.stream().mapToLong(s -> {
      long n = 0;
      for (int i = 1; i < s.length; i += 2) {
        if (s[i] > from && s[i] <= until) {
          n++;
        }
      }
      return n;
    }).sum();
    if (until <= from || (until - from) * 5 < last - first || answers < 10) {
      return null;
    }
    double window = (until - from) / 1e9;
    return new double[] {answers / window, window};
  }

  static void drive(int clients, Supplier<Req> next, int forSeconds, Recorder recorder) throws Exception {
    long until = System.nanoTime() + forSeconds * 1_000_000_000L;
    CountDownLatch done = new CountDownLatch(clients);
    List<List<Long>> perThread = new ArrayList<>();
    List<List<Long>> timesPerThread = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      List<Long> mine = new ArrayList<>();
      perThread.add(mine);
      List<Long> myTimes = new ArrayList<>();
      timesPerThread.add(myTimes);
      Thread t = new Thread(() -> {
        URI uri = URI.create(base);
        try (Connection connection = new Connection(uri.getHost(), uri.getPort())) {
          while (System.nanoTime() < until) {
            Req request = next.get();
            if (request == null) {
              break; // the pool ran dry
            }
            long t0 = System.nanoTime();
            Res response = connection.send(request);
            long t1 = System.nanoTime();
            boolean ok = response.status() / 100 == 2 && !response.body().contains("env:Fault");
            if (recorder != null) {
              if (ok) {
                mine.add(t1 - t0);
                myTimes.add(t0);
                myTimes.add(t1);
              } else {
                recorder.errors().incrementAndGet();
                synchronized (recorder.samples()) {
                  if (recorder.samples().size() < 3) {
                    recorder.samples().add(response.status() + " " + response.body().substring(0, Math.min(300, response.body().length())));
                  }
                }
              }
            }
          }
        } catch (IOException e) {
          if (recorder != null) {
            recorder.errors().incrementAndGet();
          }
        } finally {
          done.countDown();
        }
      });
      t.start();
    }
    done.await();
    if (recorder != null) {
      perThread.forEach(recorder.latencies()::addAll);
      timesPerThread.forEach(times -> recorder.spans().add(times.stream().mapToLong(Long::longValue).toArray()));
    }
  }

  /** Requests from a pool of ids, each used once; null when it runs dry. */
  static final class Pool implements Supplier<Req> {
    private final ConcurrentLinkedQueue<String> ids;
    private final java.util.function.Function<String, Req> make;

    Pool(List<String> ids, java.util.function.Function<String, Req> make) {
      this.ids = new ConcurrentLinkedQueue<>(ids);
      this.make = make;
    }

    @Override
    public Req get() {
      String id = ids.poll();
      return id == null ? null : make.apply(id);
    }
  }

  static Pool pool(List<String> ids, java.util.function.Function<String, Req> make) {
    return new Pool(ids, make);
  }

  static List<String> baselineTasks(int count) throws Exception {
    for (int i = 0; i < count; i++) {
      call("POST", "/engine-rest/process-definition/key/BenchBaseline/start", "{}", "application/json", admin);
    }
    String body = call("GET", "/engine-rest/task?processDefinitionKey=BenchBaseline&maxResults=" + count, null, null, admin).body();
    List<String> ids = new ArrayList<>();
    Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  static Req request(String method, String path, String body, String contentType, String basic) {
    return new Req(method, path, contentType, basic, body);
  }

  static HttpResponse<String> call(String method, String path, String body, String contentType, String basic) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (basic != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r;
  }

  static String soapEnvelope(String user, String password, String facility, String hl7) {
    return "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:urn=\"urn:cdc:iisb:2011\"><soap:Header/><soap:Body>"
        + "<urn:submitSingleMessage><urn:username>" + user + "</urn:username><urn:password>" + password + "</urn:password>"
        + "<urn:facilityID>" + facility + "</urn:facilityID><urn:hl7Message>" + hl7.replace("&", "&amp;").replace("<", "&lt;")
        + "</urn:hl7Message></urn:submitSingleMessage></soap:Body></soap:Envelope>";
  }

  static String worksheetJson(String name) {
    String domain = name.toLowerCase().replaceAll("[^a-z0-9]", "") + ".example";
    return "{\"organizationName\":\"" + name + "\",\"organizationType\":\"PEDIATRICS\",\"requestType\":\"NEW_SUBMISSION\","
        + "\"mnvfcPin\":\"12345\",\"immunizationsPerYear\":12000,\"sourceSystem\":{\"vendor\":\"Epic\",\"product\":\"EpicCare\","
        + "\"version\":\"2024\"},\"messageFormat\":\"HL7_2_5_1\",\"transport\":\"SOAP_WEB_SERVICE\",\"capabilities\":{\"submissionMode\":"
        + "\"REAL_TIME\",\"receivesAcks\":true,\"sendsQueries\":false},\"primaryContact\":{\"name\":\"Ann Lee\",\"email\":\"primary@" + domain
        + "\",\"phone\":\"612-555-0100\"},\"technicalContact\":{\"name\":\"Raj Patel\",\"email\":\"tech@" + domain + "\",\"phone\":"
        + "\"612-555-0101\"},\"authorizedRepresentative\":{\"name\":\"Dr. Kim\",\"email\":\"rep@" + domain + "\",\"phone\":\"612-555-0102\"},"
        + "\"submittingFor\":[{\"name\":\"North\",\"facilityId\":\"FAC-N\"},{\"name\":\"South\",\"facilityId\":\"FAC-S\"}],"
        + "\"supplementalMaterials\":\"Sample messages\"}";
  }

  static String today() {
    return LocalDate.now(ZoneId.of("America/Chicago")).toString();
  }

  static List<String> ids(String body) {
    List<String> ids = new ArrayList<>();
    Matcher list = Pattern.compile("\"taskIds\":\\[([^\\]]*)\\]").matcher(body);
    if (list.find()) {
      Matcher m = Pattern.compile("\"([^\"]+)\"").matcher(list.group(1));
      while (m.find()) {
        ids.add(m.group(1));
      }
    }
    return ids;
  }

  /** The string fields of a flat JSON object. */
  static Map<String, String> json(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = Pattern.compile("\"([^\"]+)\":\"([^\"]*)\"").matcher(body);
    while (m.find()) {
      out.put(m.group(1), m.group(2));
    }
    return out;
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return round(sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6);
  }

  static double round(double v) {
    return Math.round(v * 100.0) / 100.0;
  }

  static String toJson(Map<String, Object> map) {
    StringBuilder s = new StringBuilder("{");
    for (Map.Entry<String, Object> e : map.entrySet()) {
      if (s.length() > 1) {
        s.append(',');
      }
      s.append('"').append(e.getKey()).append("\":");
      Object v = e.getValue();
      s.append(v instanceof String str ? "\"" + str.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ").replace("\r", " ") + "\"" : v);
    }
    return s.append('}').toString();
  }
}
