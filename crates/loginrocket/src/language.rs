//! The languages an HTTP `Accept-Language` header asks for, best first: one reading of the
//! header for the LoginRocket side (the emulator answers in them) and the app's (a server
//! renders in them).

/// The tags of `header`, best first: by `q`, then in the order given. Tags with `q=0`, the
/// wildcard `*` and parts that do not parse are left out.
///
/// ```
/// use loginrocket::language::preferred;
///
/// assert_eq!(preferred("fr;q=0.9, es-MX;q=0.95, en;q=0.1"), ["es-MX", "fr", "en"]);
/// assert_eq!(preferred("ja;q=0, de, *, x;q=oops"), ["de"]);
/// assert!(preferred("").is_empty());
/// ```
pub fn preferred(header: &str) -> Vec<&str> {
    let mut tags: Vec<(f32, usize, &str)> = header
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            (q > 0.0 && !tag.is_empty() && tag != "*").then_some((q, i, tag))
        })
        .collect();
    tags.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    tags.into_iter().map(|(_, _, tag)| tag).collect()
}
