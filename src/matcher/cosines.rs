//! The largest of a message's cosines with the dev-set examples, read by the nearest examples
//! (`neighbours.rs`: the closest example of each answer) and by their votes (`votes.rs`: which
//! blocks of examples may hold a voter). Cosines of these vectors are never negative, so 0 stands
//! for none.

/// The largest of `cosines`, or 0 when there is none (cosines of these vectors are never
/// negative).
pub fn largest(cosines: impl Iterator<Item = f32>) -> f32 {
    cosines.fold(
        0.0,
        |best, cosine| if cosine > best { cosine } else { best },
    )
}

/// The largest of `cosines`, or 0 when there is none, eight lanes at a time (the compiler
/// keeps them in vector registers); the same figure as [`largest`].
pub fn largest_of(cosines: &[f32]) -> f32 {
    let mut lanes = [0.0_f32; 8];
    let chunks = cosines.chunks_exact(lanes.len());
    let rest = largest(chunks.remainder().iter().copied());
    for chunk in chunks {
        for (lane, &cosine) in lanes.iter_mut().zip(chunk) {
            if cosine > *lane {
                *lane = cosine;
            }
        }
    }
    largest(lanes.into_iter().chain(std::iter::once(rest)))
}

/// The largest of the cosines of `examples` (0 when there is none), kept in eight lanes so that
/// each look-up need not wait for the comparison before it.
pub fn largest_at(cosines: &[f32], examples: &[u32]) -> f32 {
    let mut lanes = [0.0_f32; 8];
    let chunks = examples.chunks_exact(lanes.len());
    let rest = largest(
        chunks
            .remainder()
            .iter()
            .map(|&example| cosines[example as usize]),
    );
    for chunk in chunks {
        for (lane, &example) in lanes.iter_mut().zip(chunk) {
            let cosine = cosines[example as usize];
            if cosine > *lane {
                *lane = cosine;
            }
        }
    }
    largest(lanes.into_iter().chain(std::iter::once(rest)))
}
