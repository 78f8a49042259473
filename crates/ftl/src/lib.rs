//! The Fluent syntax of **leptos-loginrocket**: the parser ([`parse`]) and the compiled form
//! ([`encode`] / [`decode`]) that catalogs ship in. Std only, no Leptos.
//!
//! Three places use it: the kit at run time (it decodes compiled catalogs, and parses the
//! Fluent text an app registers as text), the kit's build script (it compiles the shipped
//! catalogs) and the kit's `ftl!` macro (it compiles an app's own `.ftl` files while the
//! app builds, so that the app's wasm carries no parser). An implementation detail of the
//! kit: use it through `leptos_loginrocket`.
//!
//! ```
//! let (entries, problems) = loginrocket_ftl::parse("hello = Hi { $name }!\n");
//! assert!(problems.is_empty());
//! let bytes = loginrocket_ftl::encode(&entries);
//! assert_eq!(loginrocket_ftl::decode(&bytes), Some(entries));
//! ```

#![deny(missing_docs)]

mod ast;
mod codec;
mod parser;

pub use ast::{Entry, Expr, Key, Num, Pattern, MAX_DEPTH, MAX_MIN_FRACTION, MAX_SCALE};
pub use codec::{decode, encode};
pub use parser::{parse, Problem};
