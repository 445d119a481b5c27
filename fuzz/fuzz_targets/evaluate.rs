//! Arbitrary (pack, firm, date) triples: the input is a pack, a 0xFF byte, a firm, a 0xFF
//! byte and a date. Whatever loads must evaluate without a panic, and every quote's
//! numbers must keep the engine's invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prequal::{evaluate, Date, Firm, Policy};

fuzz_target!(|data: &[u8]| {
    let mut parts = data.split(|b| *b == 0xFF);
    let (Some(pack), Some(firm)) = (parts.next(), parts.next()) else { return };
    let Ok(policy) = Policy::from_json(&String::from_utf8_lossy(pack)) else { return };
    let Ok(firm) = Firm::from_json(&String::from_utf8_lossy(firm)) else { return };
    let as_of = parts
        .next()
        .and_then(|d| std::str::from_utf8(d).ok())
        .and_then(|d| d.parse::<Date>().ok())
        .unwrap_or(policy.market.as_of);
    let Ok(report) = evaluate(&policy, &firm, as_of) else { return };
    for quote in &report.quotes {
        if let (Some(gross), Some(net)) = (quote.apr_gross, quote.apr_net) {
            assert!(net <= gross, "net APR above gross: {quote:?}");
        }
        if let Some(loan) = &quote.loan {
            let repaid: prequal::Decimal = loan.schedule.rows.iter().map(|r| r.principal).sum();
            assert_eq!(repaid, loan.amount);
            assert!(loan.guarantee_fee_net >= prequal::Decimal::ZERO);
        }
    }
});
