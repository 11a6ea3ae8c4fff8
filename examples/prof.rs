use connect_preflight::*;
fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    let n: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let file = std::fs::read_to_string(which.trim_end_matches('v')).unwrap();
    let value: Option<serde_json::Value> = which.ends_with(".jsonv").then(|| serde_json::from_str(&file).unwrap());
    let t = std::time::Instant::now();
    let mut k = 0;
    for _ in 0..n {
        let r = if which.ends_with(".conn") {
            validate_connector_staged_draft(Payload::Text(&file))
        } else if which.ends_with(".yaml") {
            validate_connect_yaml(&file)
        } else if let Some(v) = &value {
            validate_deployment_draft_with(Payload::Value(v), &Context::none())
        } else {
            validate_deployment_draft(file.as_str())
        };
        k += r.errors.len() + r.warnings.len();
    }
    eprintln!("{} {:.2} us/call", k, t.elapsed().as_secs_f64() * 1e6 / n as f64);
}
