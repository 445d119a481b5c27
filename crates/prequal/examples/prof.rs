fn main() {
    let policy = prequal::Policy::default_pack();
    let firm = prequal::Firm::from_json(include_str!("../../../examples/firms/eligible.json")).unwrap();
    let mut n = 0;
    for _ in 0..200 {
        n += prequal::evaluate(&policy, &firm, policy.market.as_of).unwrap().quotes.len();
    }
    println!("{n}");
}
