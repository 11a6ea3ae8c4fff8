//! Level 3: the fixture corpus on the wasm build, in headless Chromium (wasm-bindgen-test-runner
//! with chromedriver; capabilities in webdriver.json).
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
