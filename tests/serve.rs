//! `newsgraph serve` over loopback: the SPARQL Protocol, the Graph Store Protocol's read, the
//! saved questions, the page, and every refusal. Each test starts its own server on a free
//! loopback port and stops it when done.
//!
//! Tests that need an outside tool (Chromium, rdflib) are `#[ignore]`d with the reason;
//! `scripts/test.sh` installs the tools and runs them with `--include-ignored`.

use crate::outside_tools::python;
use crate::util::{facts_arg, newsgraph, rows};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ARTICLE_GRAPH: &str = "https://newsgraph.example/id/graph/cainiao-restructuring";
/// Four triple patterns without a shared variable: (5,700 triples)^4 combinations.
const CARTESIAN_COUNT: &str =
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";

/// A `newsgraph serve` process on a free loopback port, stopped when dropped.
pub(crate) struct Server {
    child: Child,
    pub(crate) address: String,
    log: Arc<Mutex<String>>,
}

impl Server {
    pub(crate) fn start(args: &[&str]) -> Server {
        Server::start_with(args, |_| {})
    }

    fn start_with(args: &[&str], configure: impl FnOnce(&mut Command)) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
        command
            .arg("serve")
            .args(["--bind", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        configure(&mut command);
        let mut child = command.spawn().expect("newsgraph serve starts");
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let (sender, receiver) = mpsc::channel();
        let lines = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(rest) = line.strip_prefix("listening on http://") {
                    let address = rest.split('/').next().unwrap_or_default().to_owned();
                    let _ = sender.send(address);
                }
                let mut log = lines.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let address = receiver
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|_| panic!("the server did not start: {}", log.lock().unwrap()));
        Server {
            child,
            address,
            log,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    fn get(&self, path: &str, headers: &[(&str, &str)]) -> Reply {
        http(&self.address, "GET", path, headers, b"")
    }

    fn post(&self, path: &str, content_type: &str, body: &str) -> Reply {
        http(
            &self.address,
            "POST",
            path,
            &[("Content-Type", content_type)],
            body.as_bytes(),
        )
    }

    /// `GET /sparql?query=…`.
    fn query(&self, sparql: &str, accept: &str) -> Reply {
        self.get(
            &format!("/sparql?query={}", encode(sparql)),
            &[("Accept", accept)],
        )
    }

    pub(crate) fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP response.
#[derive(Debug)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn expect(self, status: u16) -> Reply {
        assert_eq!(self.status, status, "unexpected answer: {self:?}");
        self
    }
}

/// One HTTP/1.1 request on a connection of its own, as written: the path is sent exactly as
/// given, without normalization.
pub(crate) fn http(
    address: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Reply {
    let mut stream = TcpStream::connect(address).expect("the server accepts connections");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut request =
        format!("{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    stream.write_all(request.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("a complete response");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8(raw[..split].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        body = unchunk(&body);
    }
    Reply {
        status,
        headers,
        body: String::from_utf8(body).expect("a UTF-8 body"),
    }
}

fn unchunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let end = data.windows(2).position(|w| w == b"\r\n").unwrap();
        let size =
            usize::from_str_radix(std::str::from_utf8(&data[..end]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[end + 2..end + 2 + size]);
        data = &data[end + 4 + size..];
    }
}

/// Percent-encodes everything but unreserved characters.
pub(crate) fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn json(reply: &Reply) -> serde_json::Value {
    serde_json::from_str(&reply.body).unwrap_or_else(|e| panic!("not JSON ({e}): {reply:?}"))
}

/// The values of one variable in SPARQL JSON results.
fn column(results: &serde_json::Value, variable: &str) -> Vec<String> {
    results["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b[variable]["value"].as_str().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn serve_answers_saved_questions_in_every_results_format() {
    let server = Server::start(&[]);
    let results = json(&server.get("/queries/reporting-lines", &[]).expect(200));
    let people = column(&results, "reportsTo");
    assert!(people.contains(&"Jiang Fan".to_owned()), "{people:?}");

    let csv = server
        .get("/queries/reporting-lines", &[("Accept", "text/csv")])
        .expect(200);
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    assert!(
        csv.body.starts_with("person,reportsTo,phase"),
        "{}",
        csv.body
    );
    assert!(
        csv.body.contains("Ding Hongwei,Jiang Fan,after"),
        "{}",
        csv.body
    );

    let tsv = server
        .get("/queries/reporting-lines?format=tsv", &[])
        .expect(200);
    assert!(tsv.body.contains("\"Jiang Fan\""), "{}", tsv.body);

    let xml = server
        .get(
            "/queries/reporting-lines",
            &[("Accept", "application/sparql-results+xml")],
        )
        .expect(200);
    assert_eq!(
        xml.header("content-type"),
        Some("application/sparql-results+xml")
    );
    assert!(
        xml.body.contains("<literal>Jiang Fan</literal>"),
        "{}",
        xml.body
    );

    let refused = server
        .get("/queries/reporting-lines", &[("Accept", "text/turtle")])
        .expect(406);
    assert!(refused.body.contains("text/csv"), "{}", refused.body);
}

#[test]
fn serve_answers_the_sparql_protocol_by_get_and_both_posts() {
    let server = Server::start(&[]);
    let ask = "ASK { person:ding-hongwei org:reportsTo person:jiang-fan }";
    let by_get = server
        .query(ask, "application/sparql-results+json")
        .expect(200);
    assert_eq!(json(&by_get)["boolean"], true);

    let select = "PREFIX org: <http://www.w3.org/ns/org#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> \
        SELECT ?boss WHERE { ?p rdfs:label \"Ding Hongwei\" ; org:reportsTo/rdfs:label ?boss }";
    let direct = server
        .post("/sparql", "application/sparql-query", select)
        .expect(200);
    // Both lines hold until the change the article announces.
    assert_eq!(column(&json(&direct), "boss"), ["Jiang Fan", "Lin Wan"]);

    let form = server
        .post(
            "/sparql",
            "application/x-www-form-urlencoded",
            &format!("query={}", encode(select)),
        )
        .expect(200);
    assert_eq!(column(&json(&form), "boss"), ["Jiang Fan", "Lin Wan"]);
}

#[test]
fn serve_writes_graph_results_in_every_rdf_syntax() {
    let server = Server::start(&[]);
    let construct = "CONSTRUCT { ?p org:reportsTo ?q } WHERE { ?p org:reportsTo ?q }";
    let turtle = server.query(construct, "text/turtle").expect(200);
    assert!(
        turtle
            .header("content-type")
            .unwrap()
            .starts_with("text/turtle")
    );
    assert!(
        turtle
            .body
            .contains("person:ding-hongwei org:reportsTo person:jiang-fan"),
        "{}",
        turtle.body
    );
    let ding_to_jiang = "<https://newsgraph.example/id/person/ding-hongwei> \
        <http://www.w3.org/ns/org#reportsTo> <https://newsgraph.example/id/person/jiang-fan> .";
    let ntriples = server.query(construct, "application/n-triples").expect(200);
    assert!(ntriples.body.contains(ding_to_jiang), "{}", ntriples.body);
    let nquads = server.query(construct, "application/n-quads").expect(200);
    assert!(nquads.body.contains(ding_to_jiang), "{}", nquads.body);
    let jsonld = server.query(construct, "application/ld+json").expect(200);
    assert!(jsonld.body.contains("jiang-fan"), "{}", jsonld.body);
    let rdfxml = server.query(construct, "application/rdf+xml").expect(200);
    assert!(rdfxml.body.contains("jiang-fan"), "{}", rdfxml.body);
    server
        .query(construct, "application/sparql-results+json")
        .expect(406);
    // SPARQLWrapper names the format in three parameters; `xml` means RDF/XML for a graph.
    let wrapper = server
        .get(
            &format!(
                "/sparql?query={}&format=xml&output=xml&results=xml",
                encode(construct)
            ),
            &[],
        )
        .expect(200);
    assert_eq!(wrapper.header("content-type"), Some("application/rdf+xml"));
    assert!(wrapper.body.contains("jiang-fan"), "{}", wrapper.body);
}

#[test]
fn serve_reads_graphs_by_the_graph_store_protocol() {
    let server = Server::start(&[]);
    let union = server
        .get("/store?default", &[("Accept", "application/n-triples")])
        .expect(200);
    assert!(
        union.body.contains("\"Jiang Fan\""),
        "the article is in the default graph"
    );
    assert!(
        union
            .body
            .contains("http://www.w3.org/2002/07/owl#Ontology"),
        "so is the ontology"
    );

    let article = server
        .get(
            &format!("/store?graph={}", encode(ARTICLE_GRAPH)),
            &[("Accept", "application/n-triples")],
        )
        .expect(200);
    assert!(article.body.contains("\"Jiang Fan\""));
    assert!(
        !article.body.contains("owl#Ontology"),
        "the article graph alone"
    );
    let exported = crate::util::stdout_of(&["export", "--format", "ntriples"]);
    assert_eq!(article.body.lines().count(), exported.lines().count());

    let turtle = server.get("/store?default", &[]).expect(200);
    assert!(
        turtle
            .header("content-type")
            .unwrap()
            .starts_with("text/turtle")
    );

    let missing = server
        .get(
            &format!(
                "/store?graph={}",
                encode("https://example.org/no-such-graph")
            ),
            &[],
        )
        .expect(404);
    assert!(missing.body.contains(ARTICLE_GRAPH), "{}", missing.body);
    server.get("/store", &[]).expect(400);
}

#[test]
fn serve_lists_saved_questions_and_binds_their_parameters() {
    let server = Server::start(&[]);
    let list = json(&server.get("/queries", &[]).expect(200));
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"reporting-lines") && names.contains(&"leadership"));
    let evidence = list
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["name"] == "evidence")
        .unwrap();
    assert_eq!(evidence["parameters"], serde_json::json!(["entity"]));

    let html = server
        .get("/queries", &[("Accept", "text/html,*/*;q=0.8")])
        .expect(200);
    assert!(
        html.body.contains("<a href=\"/queries/reporting-lines\">"),
        "{}",
        html.body
    );

    let about_ding = json(
        &server
            .get("/queries/evidence?entity=person:ding-hongwei", &[])
            .expect(200),
    );
    let entities = column(&about_ding, "entity");
    assert!(!entities.is_empty());
    assert!(
        entities.iter().all(|e| e.ends_with("/person/ding-hongwei")),
        "{entities:?}"
    );
    let quotes = column(&about_ding, "quote");
    assert!(
        quotes.iter().any(|q| q.contains("dual reporting lines")),
        "{quotes:?}"
    );

    let wrong = server
        .get("/queries/evidence?person=person:ding-hongwei", &[])
        .expect(400);
    assert!(wrong.body.contains("takes entity"), "{}", wrong.body);
}

#[test]
fn serve_saved_question_names_cannot_walk_the_file_system() {
    let server = Server::start(&[]);
    let encoded = server
        .get("/queries/..%2F..%2Fetc%2Fpasswd", &[])
        .expect(404);
    assert!(!encoded.body.contains("root:"), "{}", encoded.body);
    assert!(
        encoded.body.contains("no saved question"),
        "{}",
        encoded.body
    );
    let plain = server.get("/queries/../../etc/passwd", &[]).expect(404);
    assert!(!plain.body.contains("root:"));
    server.get("/queries/%2Fetc%2Fpasswd", &[]).expect(404);
    server.get("/queries/reporting-lines.rq", &[]).expect(404);
}

#[test]
fn serve_reports_malformed_queries_with_the_parser_message() {
    let server = Server::start(&[]);
    let reply = server
        .query(
            "SELECT ?x WHERE { ?x ?y }",
            "application/sparql-results+json",
        )
        .expect(400);
    assert!(
        reply.body.starts_with("invalid SPARQL: expected ")
            && reply.body.contains("at line 1, column"),
        "{}",
        reply.body
    );
    assert_eq!(reply.body.trim_end().lines().count(), 1, "one line");
    server
        .post("/sparql", "text/plain", "SELECT * WHERE { ?s ?p ?o }")
        .expect(415);
    server
        .get(
            &format!(
                "/sparql?query={}&default-graph-uri={}",
                encode("ASK {}"),
                encode(ARTICLE_GRAPH)
            ),
            &[],
        )
        .expect(400);
    server.get("/no/such/page", &[]).expect(404);
}

#[test]
fn serve_refuses_updates_unless_allowed() {
    let insert = "INSERT DATA { <https://example.org/a> rdfs:label \"added\" }";
    let ask = "ASK { <https://example.org/a> rdfs:label \"added\" }";

    let read_only = Server::start(&[]);
    let refused = read_only
        .post("/sparql", "application/sparql-update", insert)
        .expect(403);
    assert!(refused.body.contains("--allow-update"), "{}", refused.body);
    read_only
        .post(
            "/sparql",
            "application/x-www-form-urlencoded",
            &format!("update={}", encode(insert)),
        )
        .expect(403);
    read_only
        .get(&format!("/sparql?update={}", encode(insert)), &[])
        .expect(405);
    assert_eq!(
        json(&read_only.query(ask, "application/json"))["boolean"],
        false
    );

    let writable = Server::start(&["--allow-update"]);
    writable
        .post("/sparql", "application/sparql-update", insert)
        .expect(200);
    assert_eq!(
        json(&writable.query(ask, "application/json"))["boolean"],
        true
    );
    writable
        .post("/sparql", "application/sparql-update", "INSERT DATA {")
        .expect(400);
}

#[test]
fn serve_service_calls_reach_no_network() {
    // A listener that would see any connection the server made for SERVICE.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let endpoint = format!("http://{}/sparql", listener.local_addr().unwrap());
    let server = Server::start(&[]);
    let reply = server
        .query(
            &format!("SELECT * WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}"),
            "application/json",
        )
        .expect(400);
    assert!(reply.body.contains("is not supported"), "{}", reply.body);
    let silent = server.query(
        &format!("SELECT * WHERE {{ SERVICE SILENT <{endpoint}> {{ ?s ?p ?o }} }}"),
        "application/json",
    );
    assert!(silent.status == 200 || silent.status == 400, "{silent:?}");
    std::thread::sleep(Duration::from_millis(200));
    assert!(
        listener.accept().is_err(),
        "the server connected to the SERVICE endpoint"
    );
}

#[test]
fn serve_stops_queries_at_the_time_limit() {
    let server = Server::start(&["--timeout", "1"]);
    // Oxigraph notices the cancellation here, in its scans.
    let started = Instant::now();
    let sorted = server
        .query(
            "SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?i",
            "application/json",
        )
        .expect(503);
    assert!(sorted.body.contains("time limit of 1 s"), "{}", sorted.body);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    // Here it does not (its product loop never looks at the token): answered all the same,
    // as out of time, or as busy while the first still holds the one slot for products.
    let started = Instant::now();
    let counted = server
        .query(CARTESIAN_COUNT, "application/json")
        .expect(503);
    assert!(
        counted.body.contains("time limit") || counted.body.contains("the server is busy"),
        "{}",
        counted.body
    );
    assert!(
        started.elapsed() < Duration::from_secs(6),
        "{:?}",
        started.elapsed()
    );
    // And the server goes on answering.
    let reply = server.get("/queries/leadership", &[]).expect(200);
    assert!(reply.body.contains("Lin Wan"), "{}", reply.body);
    assert!(
        server.log().contains("past its time limit"),
        "{}",
        server.log()
    );
}

#[test]
fn serve_caps_the_number_of_results() {
    let server = Server::start(&["--max-results", "10"]);
    let reply = server
        .query("SELECT * WHERE { ?s ?p ?o }", "application/json")
        .expect(422);
    assert!(
        reply.body.contains("more than 10 results"),
        "{}",
        reply.body
    );
    let small = server
        .query("SELECT * WHERE { ?s ?p ?o } LIMIT 10", "application/json")
        .expect(200);
    assert_eq!(column(&json(&small), "s").len(), 10);
}

#[test]
fn serve_keeps_answers_only_while_read_only() {
    let cached = Server::start(&[]);
    assert!(
        cached.log().contains("read-only, answers cached"),
        "{}",
        cached.log()
    );
    let ask = |server: &Server| {
        server
            .get("/queries/reporting-lines", &[("Accept", "text/csv")])
            .expect(200)
            .body
    };
    let first = ask(&cached);
    assert!(first.contains("Ding Hongwei,Jiang Fan,after"), "{first}");
    assert_eq!(ask(&cached), first, "the kept answer is the same");

    let fresh = Server::start(&["--no-cache"]);
    assert!(!fresh.log().contains("cached"), "{}", fresh.log());
    assert_eq!(ask(&fresh), first);

    let writable = Server::start(&["--allow-update"]);
    assert!(
        writable.log().contains("updates ALLOWED"),
        "{}",
        writable.log()
    );
}

#[test]
fn serve_sends_cors_headers_only_when_configured() {
    let closed = Server::start(&[]);
    let reply = closed
        .get(
            "/queries/leadership",
            &[("Origin", "https://notebook.example")],
        )
        .expect(200);
    assert_eq!(reply.header("access-control-allow-origin"), None);

    let open = Server::start(&["--cors", "https://notebook.example"]);
    let reply = open
        .get(
            "/queries/leadership",
            &[("Origin", "https://notebook.example")],
        )
        .expect(200);
    assert_eq!(
        reply.header("access-control-allow-origin"),
        Some("https://notebook.example")
    );
    let other = open
        .get(
            "/queries/leadership",
            &[("Origin", "https://elsewhere.example")],
        )
        .expect(200);
    assert_eq!(other.header("access-control-allow-origin"), None);
}

#[test]
fn serve_org_chart_says_when_graphviz_is_missing() {
    let empty = tempfile::tempdir().unwrap();
    let server = Server::start_with(&[], |command| {
        command.env("PATH", empty.path());
    });
    let reply = server.get("/orgchart.svg", &[]).expect(503);
    assert!(reply.body.contains("Graphviz"), "{}", reply.body);
    let page = server.get("/why", &[]).expect(200);
    assert!(page.body.contains("<title>newsgraph</title>"));
    let explorer = server.get("/", &[]).expect(200);
    assert!(explorer.body.contains("<title>newsgraph explorer</title>"));
    let script = server.get("/page.js", &[]).expect(200);
    assert!(
        script
            .body
            .contains("\"org\":\"http://www.w3.org/ns/org#\""),
        "prefixes are filled in"
    );
}

/// Sends `signal` to the server and expects it to finish and exit with success.
fn stops_gracefully_on(signal: &str) {
    let mut server = Server::start(&[]);
    let reply = server.get("/queries/leadership", &[]).expect(200);
    assert!(reply.body.contains("Lin Wan"), "{}", reply.body);
    let status = Command::new("kill")
        .args([signal, &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let started = Instant::now();
    let exit = loop {
        if let Some(exit) = server.child.try_wait().unwrap() {
            break exit;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no exit after {signal}"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "{exit:?}");
    std::thread::sleep(Duration::from_millis(100));
    let log = server.log();
    assert!(
        log.contains("shutting down") && log.contains("stopped"),
        "{log}"
    );
}

#[test]
fn serve_shuts_down_gracefully_on_sigterm() {
    stops_gracefully_on("-TERM");
}

#[test]
fn serve_shuts_down_gracefully_on_sigint() {
    stops_gracefully_on("-INT");
}

#[test]
fn serve_stops_on_sigterm_even_with_a_query_it_could_not_interrupt() {
    let mut server = Server::start(&["--timeout", "1"]);
    server
        .query(CARTESIAN_COUNT, "application/json")
        .expect(503);
    Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    let started = Instant::now();
    let exit = loop {
        if let Some(exit) = server.child.try_wait().unwrap() {
            break exit;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no exit after SIGTERM: {}",
            server.log()
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "{exit:?}");
}

#[test]
fn serve_serves_the_facts_files_it_is_given() {
    let northwind = crate::util::fixture("northwind.toml");
    let server = Server::start(&[northwind.to_str().unwrap()]);
    assert!(server.log().contains("1 article(s)"), "{}", server.log());
    let reply = server
        .get("/queries/reporting-lines", &[("Accept", "text/csv")])
        .expect(200);
    assert!(
        reply.body.contains("Ana Ruiz,Lena Park,after"),
        "{}",
        reply.body
    );
    server
        .get(
            &format!(
                "/store?graph={}",
                encode("https://newsgraph.example/id/graph/northwind-split")
            ),
            &[],
        )
        .expect(200);
    server
        .get(&format!("/store?graph={}", encode(ARTICLE_GRAPH)), &[])
        .expect(404);
}

#[test]
fn serve_says_when_its_address_is_taken() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = taken.local_addr().unwrap().to_string();
    let output = newsgraph()
        .args(["serve", "--bind", &address])
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let error = stderr.lines().last().unwrap();
    assert!(
        error.starts_with(&format!("error: cannot listen on {address}: ")),
        "{stderr}"
    );
}

#[test]
fn serve_refuses_bodies_it_cannot_read() {
    let server = Server::start(&[]);
    let reply = http(
        &server.address,
        "POST",
        "/sparql",
        &[("Content-Type", "application/sparql-query")],
        b"ASK { \xff }",
    )
    .expect(400);
    assert!(reply.body.contains("not UTF-8"), "{}", reply.body);
    let large = format!("query={}", "x".repeat(3 << 20));
    let reply = server.post("/sparql", "application/x-www-form-urlencoded", &large);
    assert_eq!(reply.status, 413, "{:?}", reply.status);
    // And it goes on answering.
    let reply = server.get("/queries/leadership", &[]).expect(200);
    assert!(reply.body.contains("Lin Wan"));
}

#[test]
fn serve_listens_on_loopback_by_default() {
    let help = newsgraph().args(["serve", "--help"]).output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(help.contains("[default: 127.0.0.1:7878]"), "{help}");
    assert!(help.contains("[default: 10]"), "{help}");
}

#[test]
fn query_stops_at_its_timeout() {
    let started = Instant::now();
    let output = newsgraph()
        .args(["query", "--timeout", "1", "--sparql", CARTESIAN_COUNT])
        .output()
        .unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr,
        "error: --sparql: the query ran longer than the time limit of 1 s and was stopped\n"
    );
    // Within its limit, a query answers as before.
    let lines = rows(&["reporting-lines", "--timeout", "10"]);
    assert!(lines.iter().any(|row| row[1] == "Jiang Fan"));
}

/// Chromium's headless `--dump-dom` of a page, after its scripts have run.
fn chromium(args: &[&str], url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=10000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .output()
        .expect("chromium runs (scripts/tools.sh installs it)");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
#[ignore = "needs chromium: run scripts/test.sh"]
fn serve_page_shows_an_entity_s_names_articles_and_disagreements() {
    let files: Vec<String> = crate::corpus::ARTICLES
        .iter()
        .map(|id| facts_arg(id))
        .collect();
    let files: Vec<&str> = files.iter().map(String::as_str).collect();
    let server = Server::start(&files);
    let dom = chromium(
        &["--dump-dom"],
        &server.url("/why?entity=https%3A%2F%2Fnewsgraph.example%2Fid%2Fperson%2Fjiang-fan"),
    );
    let about = dom
        .split("<div id=\"why-about\">")
        .nth(1)
        .and_then(|rest| rest.split("<div id=\"why-body\">").next())
        .unwrap_or_else(|| panic!("no entity view: {dom}"));
    assert!(about.contains("<b>Names: </b>Jiang Fan</p>"), "{about}");
    for article in [
        "Alibaba puts all its e-commerce businesses under Jiang Fan (2024-11-21)",
        "A second account of Cainiao's restructuring (2025-01)",
        "Cainiao offloads e-commerce duties to Alibaba to double down on logistics (2025-01-14)",
    ] {
        assert!(about.contains(article), "{article}: {about}");
    }
    assert!(
        about.contains(
            "<li>ended, org:holds: CEO of Alibaba International Digital Commerce Group, until \
             Formation of the Alibaba E-commerce Business Group (Alibaba puts all its e-commerce \
             businesses under Jiang Fan; Bloomberg, South China Morning Post; 2024-11-21)</li>"
        ),
        "{about}"
    );
    let dom = chromium(
        &["--dump-dom"],
        &server.url("/why?entity=https%3A%2F%2Fnewsgraph.example%2Fid%2Fperson%2Flin-wan"),
    );
    assert!(dom.contains("<b>Names: </b>Wan Lin; Lin Wan</p>"), "{dom}");
}

#[test]
#[ignore = "needs chromium: run scripts/test.sh"]
fn serve_page_runs_a_saved_question_in_a_browser() {
    let server = Server::start(&[]);
    let dom = chromium(&["--dump-dom"], &server.url("/why?q=reporting-lines"));
    let table = dom
        .split("<table id=\"results\">")
        .nth(1)
        .and_then(|rest| rest.split("</table>").next())
        .unwrap_or_else(|| panic!("no results table: {dom}"));
    assert!(table.contains("Jiang Fan"), "{table}");
    assert!(table.contains("Ding Hongwei"), "{table}");
    assert!(dom.contains("rows"), "the status line counts the rows");
    // Names lead to what the article says about them.
    assert!(
        table.contains("title=\"https://newsgraph.example/id/person/jiang-fan\">Jiang Fan</a>"),
        "{table}"
    );

    // The why view: what the article says about an entity, with the quote.
    let dom = chromium(
        &["--dump-dom"],
        &server.url("/why?entity=https%3A%2F%2Fnewsgraph.example%2Fid%2Fperson%2Fding-hongwei"),
    );
    assert!(dom.contains("dual reporting lines"), "{dom}");
    assert!(dom.contains("<blockquote>"), "{dom}");

    // The org chart, drawn by Graphviz.
    let svg = server.get("/orgchart.svg", &[]).expect(200);
    assert!(svg.body.contains("<svg") && svg.body.contains("Jiang Fan"));

    let screenshot = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/serve-page.png");
    chromium(
        &[
            &format!("--screenshot={}", screenshot.display()),
            "--window-size=1400,1300",
            "--hide-scrollbars",
        ],
        &server.url("/why?q=reporting-lines&entity=https%3A%2F%2Fnewsgraph.example%2Fid%2Fperson%2Fding-hongwei"),
    );
    assert!(
        std::fs::metadata(&screenshot).is_ok_and(|m| m.len() > 10_000),
        "no screenshot at {}",
        screenshot.display()
    );
    println!("screenshot: {}", screenshot.display());
}

#[test]
#[ignore = "needs rdflib: run scripts/test.sh"]
fn serve_answers_rdflib_sparqlstore_as_newsgraph_query_does() {
    // The whole corpus, so that the questions across articles have answers too.
    let corpus: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles"))
            .unwrap()
            .map(|e| e.unwrap().path().display().to_string())
            .filter(|p| p.ends_with(".toml"))
            .collect();
    let files: Vec<&str> = corpus.iter().map(String::as_str).collect();
    let server = Server::start(&files);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/sparqlstore_check.py");
    let names: Vec<&str> = newsgraph::query::catalogue::saved()
        .iter()
        .map(|q| q.name)
        .collect();
    let output = Command::new(python())
        .arg(script)
        .arg(server.url("/sparql"))
        .args(&names)
        .output()
        .expect("python runs");
    assert!(
        output.status.success(),
        "sparqlstore_check.py failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let by_rdflib: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let facts: Vec<&str> = files.iter().flat_map(|f| ["--facts", *f]).collect();
    for name in names {
        let mut args = vec![name];
        args.extend(&facts);
        let expected = rows(&args);
        let got: Vec<Vec<String>> = serde_json::from_value(by_rdflib[name].clone()).unwrap();
        // A question that takes a date answers nothing until it is given one.
        assert!(
            !expected.is_empty() || name == "leaders-as-of",
            "{name} has rows"
        );
        assert_eq!(got, expected, "rdflib's rows for {name}");
    }
    let reporting = serde_json::to_string(&by_rdflib["reporting-lines"]).unwrap();
    assert!(reporting.contains("Jiang Fan"));
}

/// The N-Triples lines of `reply` that have `predicate`.
fn with_predicate<'a>(reply: &'a Reply, predicate: &str) -> Vec<&'a str> {
    let predicate = format!(" <{predicate}> ");
    let mut lines: Vec<&str> = reply
        .body
        .lines()
        .filter(|l| l.contains(&predicate))
        .collect();
    lines.sort_unstable();
    lines
}

#[test]
fn serve_describes_its_service_at_sparql_without_a_query() {
    const SD: &str = "http://www.w3.org/ns/sparql-service-description#";
    let server = Server::start(&[]);
    let turtle = server.get("/sparql", &[]).expect(200);
    assert!(
        turtle
            .header("content-type")
            .unwrap()
            .starts_with("text/turtle"),
        "{turtle:?}"
    );
    assert!(turtle.body.contains("sd:Service"), "{}", turtle.body);

    let described = server
        .get("/sparql", &[("Accept", "application/n-triples")])
        .expect(200);
    let objects = |predicate: &str| -> Vec<String> {
        with_predicate(&described, &format!("{SD}{predicate}"))
            .iter()
            .map(|l| {
                let object = l.split(&format!("<{SD}{predicate}> ")).nth(1).unwrap();
                object.trim_end_matches(" .").to_owned()
            })
            .collect()
    };
    assert_eq!(
        objects("endpoint"),
        [format!("<http://{}/sparql>", server.address)]
    );
    assert_eq!(
        objects("supportedLanguage"),
        [format!("<{SD}SPARQL11Query>")]
    );
    assert_eq!(objects("feature"), [format!("<{SD}UnionDefaultGraph>")]);
    assert_eq!(objects("name"), [format!("<{ARTICLE_GRAPH}>")]);
    let formats: Vec<String> = [
        "JSON-LD",
        "N-Quads",
        "N-Triples",
        "RDF_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_JSON",
        "SPARQL_Results_TSV",
        "SPARQL_Results_XML",
        "TriG",
        "Turtle",
    ]
    .iter()
    .map(|f| format!("<http://www.w3.org/ns/formats/{f}>"))
    .collect();
    let mut written = objects("resultFormat");
    written.sort();
    assert_eq!(written, formats);

    let writable = Server::start(&["--allow-update"]);
    let described = writable
        .get("/sparql", &[("Accept", "application/n-triples")])
        .expect(200);
    assert_eq!(
        with_predicate(&described, &format!("{SD}supportedLanguage")).len(),
        2,
        "{}",
        described.body
    );
    writable
        .get("/sparql", &[("Accept", "text/csv")])
        .expect(406);
}

#[test]
fn serve_refuses_load_with_a_reason_even_when_updates_are_allowed() {
    let server = Server::start(&["--allow-update"]);
    for document in ["file:///etc/passwd", "http://127.0.0.1:9/data.ttl"] {
        let refused = server
            .post(
                "/sparql",
                "application/sparql-update",
                &format!("LOAD <{document}>"),
            )
            .expect(403);
        assert_eq!(
            refused.body,
            format!(
                "LOAD <{document}> is refused: this server reads no files and fetches no documents; send the triples with INSERT DATA instead\n"
            )
        );
    }
    // Nothing else of the update is applied either.
    server
        .post(
            "/sparql",
            "application/sparql-update",
            "INSERT DATA { <https://example.org/a> <https://example.org/b> 1 } ; LOAD <file:///etc/hosts>",
        )
        .expect(403);
    assert_eq!(
        json(&server.query("ASK { <https://example.org/a> ?p ?o }", "application/json"))["boolean"],
        false
    );
}

#[test]
fn serve_caps_and_streams_whole_graphs() {
    let capped = Server::start(&["--max-results", "100"]);
    for path in [
        "/store?default".to_owned(),
        format!("/store?graph={}", encode(ARTICLE_GRAPH)),
    ] {
        let refused = capped.get(&path, &[]).expect(422);
        assert!(
            refused
                .body
                .starts_with("the graph has more than 100 triples"),
            "{path}: {}",
            refused.body
        );
    }

    let server = Server::start(&[]);
    let whole = server
        .get("/store?default", &[("Accept", "application/n-triples")])
        .expect(200);
    assert_eq!(
        whole.header("transfer-encoding"),
        Some("chunked"),
        "streamed as it is written: {:?}",
        whole.headers
    );
    assert_eq!(whole.header("content-length"), None);
    let distinct: std::collections::BTreeSet<&str> = whole.body.lines().collect();
    let counted = json(&server.query(
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        "application/json",
    ));
    assert_eq!(
        distinct.len().to_string(),
        column(&counted, "n")[0],
        "every triple of the default graph, once"
    );
}

#[test]
fn serve_answers_a_cheap_question_while_fifty_expensive_ones_run() {
    const EXPENSIVE: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    let server = Arc::new(Server::start(&["--timeout", "4", "--no-cache"]));
    let expensive: Vec<_> = (0..50)
        .map(|_| {
            let server = server.clone();
            std::thread::spawn(move || server.query(EXPENSIVE, "application/json").status)
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    let mut times = Vec::new();
    for n in 0..7 {
        let started = Instant::now();
        // A different text each time, so that no answer could come from a cache.
        let cheap = server
            .query(
                &format!("SELECT ?name WHERE {{ ?p foaf:name ?name }} ORDER BY ?name # {n}"),
                "application/json",
            )
            .expect(200);
        times.push(started.elapsed());
        assert!(column(&json(&cheap), "name").contains(&"Jiang Fan".to_owned()));
        let saved = server
            .get("/queries/leadership?format=csv", &[])
            .expect(200);
        assert!(saved.body.contains("Lin Wan"), "{}", saved.body);
    }
    times.sort();
    let statuses: Vec<u16> = expensive.into_iter().map(|t| t.join().unwrap()).collect();
    assert!(
        times[times.len() / 2] < Duration::from_millis(100),
        "cheap questions took {times:?} beside 50 expensive ones"
    );
    assert_eq!(statuses, vec![503; 50], "none of them can finish in 4 s");
}
