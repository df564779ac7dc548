import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator of issue 13, goal 1: a plain JDK program (java.net.http, one platform thread per client), run by
 * the JDK's source launcher ({@code java bench/Load.java …}), loopback only, every scenario bounded in time.
 *
 * <pre>
 * java bench/Load.java plan     BASE PLAN_ID USERS SECONDS CONDITIONAL(true|false) USER PASSWORD
 * java bench/Load.java api      BASE PLAN_ID TARGET_ID INDICATOR_ID CLIENTS SECONDS TOKEN [PACE_MS]
 * java bench/Load.java deadline BASE PERIOD_ID EDITORS SECONDS USER_PREFIX PASSWORD
 * </pre>
 *
 * plan: USERS clients, each logged in with its own session (form login), asking for the plan page in a loop; with
 * CONDITIONAL each sends the ETag of its last answer (If-None-Match) as a browser does. api: CLIENTS clients with a
 * Bearer token reading four endpoints in turn. deadline: EDITORS editors (USER_PREFIX0001 …) log in and open their
 * report first (not timed), then arrive evenly over the first 5/6 of SECONDS and each saves (POST, then the page the
 * redirect leads to) and submits (POST, then the page) its report with a task line of a percent unique to it; the
 * lost-write check is load.sh's query of the database afterwards. Prints one summary line per scenario; exit status 1
 * if any request failed.
 */
public class Load {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER)
            .executor(Executors.newFixedThreadPool(8)).build();
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** Latencies (ns) and outcomes of one scenario. */
    static final class Stats {
        final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        final Map<Integer, AtomicInteger> codes = new ConcurrentHashMap<>();
        final AtomicInteger errors = new AtomicInteger();
        final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());

        void add(long ns, int code, boolean ok, String what) {
            nanos.add(ns);
            codes.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
            if (!ok) {
                errors.incrementAndGet();
                if (firstErrors.size() < 5) {
                    firstErrors.add(code + " " + what);
                }
            }
        }

        /** The app's CPU time (ms) while the scenario ran, when APP_PID names its process; -1 when unknown. */
        double cpuMs = -1;

        String summary(String label, double seconds) {
            List<Long> t = new ArrayList<>(nanos);
            Collections.sort(t);
            int n = t.size();
            Map<Integer, Integer> byCode = new TreeMap<>();
            codes.forEach((c, k) -> byCode.put(c, k.get()));
            return String.format(java.util.Locale.ROOT,
                    "%s: %d requests in %.1f s = %.1f/s; median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; "
                            + "statuses %s; %d errors%s",
                    label, n, seconds, n / seconds, ms(t, 0.50), ms(t, 0.95), ms(t, 0.99),
                    n == 0 ? 0 : t.get(n - 1) / 1e6, byCode, errors.get(),
                    firstErrors.isEmpty() ? "" : " (first: " + firstErrors + ")")
                    + (cpuMs < 0 || n == 0 ? "" : String.format(java.util.Locale.ROOT,
                    "; app CPU %.1f ms per request (%.0f/s if it had 2 cores to itself)", cpuMs / n, 2000.0 * n / cpuMs));
        }

        static double ms(List<Long> sorted, double q) {
            if (sorted.isEmpty()) {
                return 0;
            }
            int i = (int) Math.ceil(q * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
        }
    }

    /** A browser's session: its cookie and CSRF token. */
    static final class Session {
        String cookie = "";
        String csrf;
        String etag;

        HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
            if (!cookie.isEmpty()) {
                b.header("Cookie", cookie);
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            for (String c : r.headers().allValues("Set-Cookie")) {
                if (c.startsWith("JSESSIONID=")) {
                    cookie = c.substring(0, c.indexOf(';'));
                }
            }
            etag = r.headers().firstValue("ETag").orElse(etag);
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }

        HttpResponse<String> get(String url) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
            StringBuilder body = new StringBuilder("_csrf=").append(enc(csrf));
            form.forEach((k, v) -> body.append('&').append(enc(k)).append('=').append(enc(v)));
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        void login(String base, String user, String password) throws Exception {
            get(base + "/login");
            HttpResponse<String> r = post(base + "/login", Map.of("username", user, "password", password));
            if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("login of " + user + " refused: " + r.statusCode());
            }
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static void main(String[] a) throws Exception {
        String base = a[1];
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1")) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        boolean ok = switch (a[0]) {
            case "plan" -> plan(base, Long.parseLong(a[2]), Integer.parseInt(a[3]), Integer.parseInt(a[4]),
                    Boolean.parseBoolean(a[5]), a[6], a[7]);
            case "api" -> api(base, a[2], a[3], a[4], Integer.parseInt(a[5]), Integer.parseInt(a[6]), a[7],
                    a.length > 8 ? Integer.parseInt(a[8]) : 0);
            case "deadline" -> deadline(base, Long.parseLong(a[2]), Integer.parseInt(a[3]), Integer.parseInt(a[4]),
                    a[5], a[6]);
            default -> throw new IllegalArgumentException(a[0]);
        };
        System.exit(ok ? 0 : 1);
    }

    /** Runs body on n threads until the deadline; returns the seconds it took. */
    interface Client {
        void run(int i, long until) throws Exception;
    }

    static double together(int n, Client body, Stats stats) throws InterruptedException {
        return together(n, body, stats, 0);
    }

    static double together(int n, Client body, Stats stats, int seconds) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch done = new CountDownLatch(n);
        long cpu0 = cpuTicks();
        long start = System.nanoTime();
        long until = start + seconds * 1_000_000_000L;
        for (int i = 0; i < n; i++) {
            int k = i;
            pool.execute(() -> {
                try {
                    body.run(k, until);
                } catch (Exception e) {
                    stats.add(0, -1, false, e.toString());
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        long cpu1 = cpuTicks();
        stats.cpuMs = cpu0 < 0 || cpu1 < 0 ? -1 : (cpu1 - cpu0) * 10.0; // USER_HZ = 100
        return (System.nanoTime() - start) / 1e9;
    }

    /** User + system clock ticks of the app's process (APP_PID), from /proc; -1 without it. */
    static long cpuTicks() {
        String pid = System.getenv("APP_PID");
        if (pid == null) {
            return -1;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of stat(5)
        } catch (Exception e) {
            return -1;
        }
    }

    static boolean plan(String base, long plan, int users, int seconds, boolean conditional, String user,
                        String password) throws Exception {
        Session[] sessions = new Session[users];
        Stats setup = new Stats();
        together(Math.min(users, 10), (i, u) -> {
            for (int k = i; k < users; k += Math.min(users, 10)) {
                sessions[k] = new Session();
                sessions[k].login(base, user, password);
            }
        }, setup);
        String url = base + "/plans/" + plan;
        for (Session s : sessions) { // warm up, one page each
            s.get(url);
        }
        Stats stats = new Stats();
        double took = together(users, (i, until) -> {
            Session s = sessions[i];
            while (System.nanoTime() < until) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
                if (conditional && s.etag != null) {
                    b.header("If-None-Match", s.etag);
                }
                long t0 = System.nanoTime();
                HttpResponse<String> r = s.send(b);
                long ns = System.nanoTime() - t0;
                boolean good = r.statusCode() == 304 || (r.statusCode() == 200 && r.body().contains("id=\"results\""));
                stats.add(ns, r.statusCode(), good, url);
            }
        }, stats, seconds);
        System.out.println(stats.summary("plan page, " + users + " users with sessions"
                + (conditional ? ", If-None-Match" : ", no cache"), took));
        return stats.errors.get() == 0 && setup.errors.get() == 0;
    }

    /**
     * With {@code paceMs} > 0 each client asks once per pace (its first request at a random point of the first pace),
     * as a dashboard or an integration polls: the latency then is the service's, not clients ÷ throughput, which a
     * closed loop without pauses (paceMs 0) measures by construction.
     */
    static boolean api(String base, String plan, String target, String indicator, int clients, int seconds,
                       String token, int paceMs) throws Exception {
        String[] urls = {base + "/api/v1/plans", base + "/api/v1/plans/" + plan,
                base + "/api/v1/targets/" + target + "/status", base + "/api/v1/data-values?indicator=" + indicator};
        for (String u : urls) { // warm up
            for (int i = 0; i < 20; i++) {
                HTTP.send(HttpRequest.newBuilder(URI.create(u)).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
        Stats stats = new Stats();
        long pace = paceMs * 1_000_000L;
        double took = together(clients, (i, until) -> {
            int k = i;
            long next = System.nanoTime() + (pace > 0 ? java.util.concurrent.ThreadLocalRandom.current().nextLong(pace) : 0);
            while (System.nanoTime() < until) {
                if (pace > 0) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    next += pace;
                    if (next > until) {
                        break;
                    }
                }
                String u = urls[k++ % urls.length];
                long t0 = System.nanoTime();
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(u))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                stats.add(System.nanoTime() - t0, r.statusCode(), r.statusCode() == 200, u);
            }
        }, stats, seconds);
        System.out.println(stats.summary("API reads, " + clients + " clients with a Bearer token"
                + (pace > 0 ? ", one request each per " + paceMs + " ms" : ", back to back"), took));
        return stats.errors.get() == 0;
    }

    static boolean deadline(String base, long period, int editors, int seconds, String prefix, String password)
            throws Exception {
        Session[] sessions = new Session[editors];
        String[] forms = new String[editors];
        Stats setup = new Stats();
        int setupClients = 16;
        together(setupClients, (i, u) -> {
            for (int k = i; k < editors; k += setupClients) {
                Session s = new Session();
                s.login(base, String.format("%s%04d", prefix, k + 1), password);
                s.get(base + "/reporting/periods/" + period);
                HttpResponse<String> r = s.post(base + "/reporting/periods/" + period + "/open", Map.of());
                String location = r.headers().firstValue("Location").orElseThrow();
                forms[k] = base + location.substring(location.indexOf("/reporting/"));
                HttpResponse<String> form = s.get(forms[k]);
                sessions[k] = s;
                if (!form.body().contains("name=\"k.")) {
                    throw new IllegalStateException("no task line in " + forms[k]);
                }
            }
        }, setup);
        if (setup.errors.get() > 0) {
            System.out.println(setup.summary("deadline setup", 1));
            return false;
        }
        Stats stats = new Stats();
        Pattern task = Pattern.compile("name=\"k\\.(\\d+)\\.status\"");
        long spread = seconds * 1_000_000_000L * 5 / 6 / editors;
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger submitted = new AtomicInteger();
        double took = together(editors, (i, until) -> {
            Session s = sessions[i];
            long start = System.nanoTime();
            // arrive at start + i × spread (the first editor at once, the last at 5/6 of the minute)
            long wait = (until - seconds * 1_000_000_000L) + i * spread - start;
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            HttpResponse<String> page = s.get(forms[i]);
            Matcher m = task.matcher(page.body());
            m.find();
            String t = m.group(1);
            Map<String, String> form = Map.of("k." + t + ".status", "IN_PROGRESS",
                    "k." + t + ".percent", String.valueOf(1 + i % 99),
                    "k." + t + ".narrative", "Tải thử " + (i + 1), "narrative", "Báo cáo thử tải số " + (i + 1));
            boolean all = true;
            for (String step : new String[] {"", "/submit"}) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = s.post(forms[i] + step, form);
                stats.add(System.nanoTime() - t0, r.statusCode(), r.statusCode() == 302, "POST " + forms[i] + step);
                t0 = System.nanoTime();
                HttpResponse<String> after = s.get(forms[i]);
                stats.add(System.nanoTime() - t0, after.statusCode(), after.statusCode() == 200, "GET " + forms[i]);
                all &= r.statusCode() == 302;
                if (!step.isEmpty() && r.statusCode() == 302) {
                    submitted.incrementAndGet();
                }
            }
            if (all) {
                finished.incrementAndGet();
            }
        }, stats, seconds);
        System.out.println(stats.summary("deadline minute, " + editors + " editors saving and submitting", took)
                + "; " + submitted.get() + " submits answered 302 (accepted), " + finished.get()
                + " editors with every step accepted");
        return stats.errors.get() == 0 && finished.get() == editors;
    }
}
