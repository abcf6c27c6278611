use gfmd_bot::knowledge::Knowledge;
use gfmd_bot::locale::Lang;
fn main() {
    let k = Knowledge::embedded().unwrap();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang: Lang = args[0].parse().unwrap();
    for q in &args[1..] {
        let m = k.matcher_in(lang);
        let terms: Vec<String> = m
            .explain_terms(q)
            .into_iter()
            .map(|t| {
                format!(
                    "{}{}:{:.1}",
                    if t.known { "" } else { "?" },
                    t.text,
                    t.weight
                )
            })
            .collect();
        let a = m.assess(q, 3);
        let r: Vec<String> = a
            .as_ref()
            .map(|a| {
                a.ranking
                    .iter()
                    .map(|s| format!("{}={:.2}", k.answers().answers()[s.index].id, s.score))
                    .collect()
            })
            .unwrap_or_default();
        println!(
            "{q}\n  terms {}\n  conf {:.2} {}",
            terms.join(" "),
            a.map(|a| a.confidence).unwrap_or(0.0),
            r.join(" ")
        );
    }
}
