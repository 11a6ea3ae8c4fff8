//! The layout is layered (docs/decisions.md, "How the code is organised"): the report
//! machinery at the bottom, the YAML reader beside it, one folder per system above them, the
//! machine registry and the bindings on top. A module may name (`crate::…`) only what is
//! below it; this test reads every source file and fails on a path that climbs or crosses.

use std::fs;
use std::path::Path;

/// Each layer and the top-level modules its files may name.
const LAYERS: &[(&str, &[&str])] = &[
    ("report", &["report", "hits"]),
    ("yaml", &["report", "yaml", "hits"]),
    ("connect", &["report", "yaml", "connect", "hits"]),
    ("tracker", &["report", "yaml", "tracker", "hits"]),
    ("tray", &["report", "yaml", "tray", "hits"]),
];

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level names after every `crate::` in code (comments skipped).
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for (i, _) in code.match_indices("crate::") {
            let name: String = code[i + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            found.push((n + 1, name));
        }
    }
    found
}

#[test]
fn modules_name_only_what_is_below_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut checked = 0;
    let mut wrong = Vec::new();
    for (layer, allowed) in LAYERS {
        let mut paths = Vec::new();
        files(&src.join(layer), &mut paths);
        assert!(!paths.is_empty(), "src/{layer} has no files");
        for path in paths {
            let text = fs::read_to_string(&path).expect("a source file");
            for (line, name) in crate_paths(&text) {
                checked += 1;
                if !allowed.contains(&name.as_str()) {
                    wrong.push(format!("{}:{line}: crate::{name}", path.display()));
                }
            }
        }
    }
    eprintln!("{checked} crate:: paths checked in {} layers", LAYERS.len());
    assert!(checked > 100, "only {checked} paths: the scan lost them");
    assert!(
        wrong.is_empty(),
        "paths that climb or cross a layer:\n{}",
        wrong.join("\n")
    );
}

/// Within a system, the modules form no circle (their tests aside): each can be read from the
/// bottom up (docs/decisions.md). Found by a depth-first walk of `crate::<system>::<module>`.
#[test]
fn the_modules_of_a_system_form_no_circle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut edges_seen = 0;
    for system in ["connect", "tracker"] {
        let mut paths = Vec::new();
        files(&src.join(system), &mut paths);
        let mut graph: Vec<(String, Vec<String>)> = Vec::new();
        for path in &paths {
            let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_owned();
            let text = fs::read_to_string(path).expect("a source file");
            // The tests of a module may use any other module.
            let code = text.split("\nmod tests {").next().unwrap_or("");
            let prefix = format!("crate::{system}::");
            let mut uses: Vec<String> = code
                .match_indices(&prefix)
                .map(|(i, _)| {
                    code[i + prefix.len()..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect()
                })
                .filter(|m: &String| *m != name)
                .collect();
            uses.sort();
            uses.dedup();
            edges_seen += uses.len();
            graph.push((name, uses));
        }
        // Depth-first, with the path walked so far: a module met again on it closes a circle.
        fn walk(module: &str, graph: &[(String, Vec<String>)], path: &mut Vec<String>, done: &mut Vec<String>) {
            if done.iter().any(|d| d == module) {
                return;
            }
            assert!(
                !path.iter().any(|p| p == module),
                "a circle: {} -> {module}",
                path.join(" -> ")
            );
            path.push(module.to_owned());
            if let Some((_, uses)) = graph.iter().find(|(m, _)| m == module) {
                for next in uses {
                    walk(next, graph, path, done);
                }
            }
            path.pop();
            done.push(module.to_owned());
        }
        let mut done = Vec::new();
        for (module, _) in &graph {
            walk(module, &graph, &mut Vec::new(), &mut done);
        }
    }
    eprintln!("{edges_seen} module uses inside the systems, no circle");
    assert!(edges_seen > 20, "only {edges_seen} uses: the scan lost them");
}
