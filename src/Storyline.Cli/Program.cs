using Storyline.Cli;

return StorylineCli.Run(args, StandardInput.Open(), Console.Out, Console.Error);
