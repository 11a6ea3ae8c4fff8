//! Level 2: the fixture corpus on the wasm build, in Node (wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

mod common;
