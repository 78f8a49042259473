//! The Fluent engine of **leptos-loginrocket**, std only, no Leptos:
//!
//! - the syntax: the parser ([`parse`]), which follows Fluent's grammar as `fluent-syntax`
//!   reads it, and the compiled form ([`encode`] / [`decode`]) that catalogs ship in;
//! - the resolver ([`Bundle`], [`check`]), which prints what `fluent-bundle` prints;
//! - CLDR [`plural`] rules, evaluated from their text.
//!
//! Three places use it: the kit at run time (it decodes compiled catalogs, parses the
//! Fluent text an app registers as text, and formats), the kit's build script (it compiles
//! the shipped catalogs) and the kit's `ftl!` macro (it compiles an app's own `.ftl` files
//! while the app builds, so that the app's wasm carries no parser). The kit keeps only its
//! catalog and the Leptos glue; an app uses the engine through `leptos_loginrocket`.
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
pub mod plural;
mod resolver;

pub use ast::{Entry, Expr, Key, Num, Pattern, MAX_DEPTH, MAX_MIN_FRACTION, MAX_SCALE};
pub use codec::{decode, encode};
pub use parser::{parse, Problem};
pub use resolver::{check, Arg, Bundle};
